package io.clientele.orderlink.pricing;

import io.clientele.orderlink.pricing.Modifier.TargetType;
import io.clientele.platform.ids.TimeOrderedIds;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A customer's price modifiers, always within one workspace. */
@Repository
class ModifierStore {

    private final JdbcTemplate jdbc;

    ModifierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every modifier of the customer, one per target, in one query. */
    List<Modifier> of(UUID workspaceId, UUID customerId) {
        Map<String, Modifier> byTarget = new LinkedHashMap<>();
        jdbc.query("""
                SELECT target_type, target_id, percent, currency, amount FROM price_modifier
                 WHERE workspace_id = ? AND customer_id = ? ORDER BY target_type, target_id, currency""", rs -> {
                    TargetType type = TargetType.valueOf(rs.getString(1));
                    UUID target = rs.getObject(2, UUID.class);
                    BigDecimal percent = rs.getBigDecimal(3);
                    String currency = rs.getString(4);
                    Modifier modifier = byTarget.computeIfAbsent(type + ":" + target,
                            key -> new Modifier(type, target, percent == null ? null : percent.stripTrailingZeros(),
                                    percent == null ? new TreeMap<>() : null));
                    if (currency != null) {
                        modifier.fixedPrices().put(currency.strip(), rs.getBigDecimal(5));
                    }
                }, workspaceId, customerId);
        return new ArrayList<>(byTarget.values());
    }

    /** Replaces the customer's modifier of the target. */
    void replace(UUID workspaceId, UUID customerId, Modifier modifier, Instant now) {
        delete(workspaceId, customerId, modifier.targetType(), modifier.targetId());
        if (modifier.percent() != null) {
            jdbc.update("""
                    INSERT INTO price_modifier (id, workspace_id, customer_id, target_type, target_id, percent, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", TimeOrderedIds.next(), workspaceId, customerId,
                    modifier.targetType().name(), modifier.targetId(), modifier.percent(), Timestamp.from(now));
        } else {
            jdbc.batchUpdate("""
                    INSERT INTO price_modifier (id, workspace_id, customer_id, target_type, target_id, currency, amount,
                                                created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", modifier.fixedPrices().entrySet().stream()
                    .map(price -> new Object[] {TimeOrderedIds.next(), workspaceId, customerId,
                            modifier.targetType().name(), modifier.targetId(), price.getKey(), price.getValue(),
                            Timestamp.from(now)}).toList());
        }
    }

    boolean delete(UUID workspaceId, UUID customerId, TargetType type, UUID targetId) {
        return jdbc.update("DELETE FROM price_modifier WHERE workspace_id = ? AND customer_id = ? AND target_type = ?"
                + " AND target_id = ?", workspaceId, customerId, type.name(), targetId) > 0;
    }

    void deleteTarget(UUID workspaceId, TargetType type, UUID targetId) {
        jdbc.update("DELETE FROM price_modifier WHERE workspace_id = ? AND target_type = ? AND target_id = ?",
                workspaceId, type.name(), targetId);
    }

    void deleteCustomer(UUID workspaceId, UUID customerId) {
        jdbc.update("DELETE FROM price_modifier WHERE workspace_id = ? AND customer_id = ?", workspaceId, customerId);
    }
}
