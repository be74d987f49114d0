package io.clientele.orderlink.orders;

import io.clientele.orderlink.orders.OrderView.Line;
import io.clientele.orderlink.orders.OrderView.StatusChange;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Orders, their lines and status history, always within one workspace. */
@Repository
class OrderStore {

    private static final String SELECT = """
            SELECT o.id, o.number, o.customer_id, c.display_name, o.status, o.currency, o.total, o.note, o.language,
                   o.placed_at, o.updated_at, o.version
              FROM customer_order o
              LEFT JOIN customer c ON c.workspace_id = o.workspace_id AND c.id = o.customer_id
             WHERE o.workspace_id = ?""";

    private final JdbcTemplate jdbc;

    OrderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises placements of one form submission (a double click): the second waits, then finds the first. */
    void lockSubmission(UUID workspaceId, UUID linkId, String idempotencyKey) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", workspaceId + ":" + linkId + ":"
                + idempotencyKey);
    }

    Optional<UUID> bySubmission(UUID workspaceId, UUID linkId, String idempotencyKey) {
        return jdbc.queryForList("SELECT id FROM customer_order WHERE workspace_id = ? AND link_id = ?"
                + " AND idempotency_key = ?", UUID.class, workspaceId, linkId, idempotencyKey).stream().findFirst();
    }

    long nextNumber(UUID workspaceId) {
        return jdbc.queryForObject("""
                INSERT INTO order_number (workspace_id, last_number) VALUES (?, 1)
                ON CONFLICT (workspace_id) DO UPDATE SET last_number = order_number.last_number + 1
                RETURNING last_number""", Long.class, workspaceId);
    }

    void insert(UUID workspaceId, UUID id, long number, UUID customerId, UUID linkId, String idempotencyKey,
            Currency currency, BigDecimal total, String note, String language, List<Line> lines, String placedBy,
            Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                INSERT INTO customer_order (id, workspace_id, number, customer_id, link_id, idempotency_key, status,
                                            currency, total, note, language, placed_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, 0)""", id, workspaceId, number, customerId, linkId,
                idempotencyKey, currency.getCurrencyCode(), total, note, language, at, at);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            rows.add(new Object[] {id, i + 1, line.productId(), line.sku(), line.name(), line.unit(), line.quantity(),
                    line.baseUnitPrice(), line.unitPrice(), line.lineTotal(), line.priceRule()});
        }
        jdbc.batchUpdate("""
                INSERT INTO order_line (order_id, line_no, product_id, sku, name, unit, quantity, base_unit_price,
                                        unit_price, line_total, price_rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        recordStatus(id, 1, null, OrderStatus.NEW, now, placedBy, null);
    }

    /** Moves the order if it is still in {@code from}; false when someone moved it meanwhile. */
    boolean move(UUID workspaceId, UUID id, OrderStatus from, OrderStatus to, Instant now, String actor,
            String reason, int seq) {
        int moved = jdbc.update("UPDATE customer_order SET status = ?, updated_at = ?, version = version + 1"
                + " WHERE workspace_id = ? AND id = ? AND status = ?", to.name(), Timestamp.from(now), workspaceId, id,
                from.name());
        if (moved == 1) {
            recordStatus(id, seq, from, to, now, actor, reason);
        }
        return moved == 1;
    }

    private void recordStatus(UUID id, int seq, OrderStatus from, OrderStatus to, Instant now, String actor,
            String reason) {
        jdbc.update("""
                INSERT INTO order_status_change (order_id, seq, from_status, to_status, changed_at, changed_by, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, seq, from == null ? null : from.name(), to.name(),
                Timestamp.from(now), actor, reason);
    }

    Optional<OrderView> find(UUID workspaceId, UUID id) {
        List<OrderView> found = jdbc.query(SELECT + " AND o.id = ?", (rs, n) -> row(rs), workspaceId, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OrderView order = found.getFirst();
        List<Line> lines = jdbc.query("""
                SELECT product_id, sku, name, unit, quantity, base_unit_price, unit_price, line_total, price_rule
                  FROM order_line WHERE order_id = ? ORDER BY line_no""", (rs, n) -> new Line(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                scaled(rs.getBigDecimal(6), order.currency()), scaled(rs.getBigDecimal(7), order.currency()),
                scaled(rs.getBigDecimal(8), order.currency()), rs.getString(9)), id);
        List<StatusChange> history = jdbc.query("""
                SELECT from_status, to_status, changed_at, changed_by, reason FROM order_status_change
                 WHERE order_id = ? ORDER BY seq""", (rs, n) -> new StatusChange(
                rs.getString(1) == null ? null : OrderStatus.valueOf(rs.getString(1)), OrderStatus.valueOf(rs.getString(2)),
                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)), id);
        return Optional.of(new OrderView(order.id(), order.number(), order.customerId(), order.customerName(),
                order.status(), order.currency(), order.total(), order.note(), order.language(), order.placedAt(),
                order.updatedAt(), order.version(), lines, history));
    }

    /** Every order of the customer, oldest first, with lines and history: three queries however many there are. */
    List<OrderView> allOf(UUID workspaceId, UUID customerId) {
        List<OrderView> orders = jdbc.query(SELECT + " AND o.customer_id = ? ORDER BY o.placed_at, o.id",
                (rs, n) -> row(rs), workspaceId, customerId);
        if (orders.isEmpty()) {
            return orders;
        }
        Map<UUID, OrderView> byId = new LinkedHashMap<>();
        orders.forEach(order -> byId.put(order.id(), order));
        UUID[] ids = byId.keySet().toArray(UUID[]::new);
        Map<UUID, List<Line>> lines = new LinkedHashMap<>();
        jdbc.query("""
                SELECT order_id, product_id, sku, name, unit, quantity, base_unit_price, unit_price, line_total, price_rule
                  FROM order_line WHERE order_id = ANY(?) ORDER BY order_id, line_no""", rs -> {
                    UUID orderId = rs.getObject(1, UUID.class);
                    String currency = byId.get(orderId).currency();
                    lines.computeIfAbsent(orderId, id -> new ArrayList<>()).add(new Line(rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                            scaled(rs.getBigDecimal(7), currency), scaled(rs.getBigDecimal(8), currency),
                            scaled(rs.getBigDecimal(9), currency), rs.getString(10)));
                }, (Object) ids);
        Map<UUID, List<StatusChange>> history = new LinkedHashMap<>();
        jdbc.query("""
                SELECT order_id, from_status, to_status, changed_at, changed_by, reason FROM order_status_change
                 WHERE order_id = ANY(?) ORDER BY order_id, seq""", rs -> {
                    history.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(new StatusChange(
                            rs.getString(2) == null ? null : OrderStatus.valueOf(rs.getString(2)),
                            OrderStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5),
                            rs.getString(6)));
                }, (Object) ids);
        return orders.stream().map(order -> new OrderView(order.id(), order.number(), order.customerId(),
                order.customerName(), order.status(), order.currency(), order.total(), order.note(), order.language(),
                order.placedAt(), order.updatedAt(), order.version(), lines.getOrDefault(order.id(), List.of()),
                history.getOrDefault(order.id(), List.of()))).toList();
    }

    /** A keyset page, newest first; {@code after} is the last order of the previous page. */
    List<OrderView> list(UUID workspaceId, Set<OrderStatus> statuses, UUID customerId, Instant afterPlacedAt,
            UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> args = new ArrayList<>(List.of(workspaceId));
        if (!statuses.isEmpty()) {
            sql.append(" AND o.status = ANY(?)");
            args.add(statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (customerId != null) {
            sql.append(" AND o.customer_id = ?");
            args.add(customerId);
        }
        if (afterId != null) {
            sql.append(" AND (o.placed_at, o.id) < (?, ?)");
            args.add(Timestamp.from(afterPlacedAt));
            args.add(afterId);
        }
        sql.append(" ORDER BY o.placed_at DESC, o.id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray());
    }

    /** Line counts and quantities of the listed orders, in one query. */
    Map<UUID, Integer> lineCounts(List<UUID> orderIds) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.query("SELECT order_id, count(*) FROM order_line WHERE order_id = ANY(?) GROUP BY order_id",
                    rs -> {
                        counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }, (Object) orderIds.toArray(UUID[]::new));
        }
        return counts;
    }

    int historyLength(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM order_status_change WHERE order_id = ?", Integer.class, id);
    }

    /** Erasure: an order stays (anonymised, C-5); the customer's own words in it go. */
    void forgetNotes(UUID workspaceId, UUID customerId) {
        jdbc.update("UPDATE customer_order SET note = NULL WHERE workspace_id = ? AND customer_id = ?", workspaceId,
                customerId);
        jdbc.update("""
                UPDATE order_status_change s SET reason = NULL FROM customer_order o
                 WHERE o.id = s.order_id AND o.workspace_id = ? AND o.customer_id = ?""", workspaceId, customerId);
    }

    private static OrderView row(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency").strip();
        return new OrderView(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("customer_id", UUID.class),
                rs.getString("display_name"), OrderStatus.valueOf(rs.getString("status")), currency,
                scaled(rs.getBigDecimal("total"), currency), rs.getString("note"), rs.getString("language"),
                rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"),
                List.of(), List.of());
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return io.clientele.orderlink.money.Money.round(amount, Currency.getInstance(currency));
    }
}
