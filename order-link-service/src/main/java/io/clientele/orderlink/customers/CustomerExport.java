package io.clientele.orderlink.customers;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** C-12: what this service knows of the customer from {@code customer.events}, as it keeps it (null: nothing). */
@Component
@Order(1)
class CustomerExport implements CustomerDataExporter {

    private final JdbcTemplate jdbc;

    CustomerExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record KnownCustomer(String displayName, String language, String currency, BigDecimal discountPercent,
            String status, Instant erasedAt, Instant updatedAt) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        Optional<KnownCustomer> known = jdbc.query("""
                SELECT display_name, language, currency, discount_percent, status, erased_at, updated_at FROM customer
                 WHERE workspace_id = ? AND id = ?""", (rs, n) -> new KnownCustomer(rs.getString(1), rs.getString(2),
                rs.getString(3) == null ? null : rs.getString(3).strip(), rs.getBigDecimal(4).stripTrailingZeros(),
                rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7).toInstant()), workspaceId, customerId)
                .stream().findFirst();
        return Collections.singletonMap("customer", known.orElse(null));
    }
}
