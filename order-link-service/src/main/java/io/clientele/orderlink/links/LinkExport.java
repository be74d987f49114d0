package io.clientele.orderlink.links;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * C-12: every quick-order link made for the customer, current or not, with when it was opened last. Never
 * a token: only its SHA-256 is kept, and that is not the customer's to read either.
 */
@Component
@Order(3)
class LinkExport implements CustomerDataExporter {

    private final JdbcTemplate jdbc;

    LinkExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record ExportedLink(UUID id, Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
            Instant lastOpenedAt) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        List<ExportedLink> links = jdbc.query("""
                SELECT id, created_at, created_by, expires_at, revoked_at, last_opened_at FROM quick_order_link
                 WHERE workspace_id = ? AND customer_id = ? ORDER BY created_at, id""",
                (rs, n) -> new ExportedLink(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))),
                workspaceId, customerId);
        return Map.of("quickOrderLinks", links);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
