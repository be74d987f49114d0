package io.clientele.customer.customers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What imports did to one customer, as the timeline tells it: read from the import's own log (kept
 * for the undo) rather than stored a second time as timeline entries, a million of them for a large
 * import.
 */
@Component
public class ImportHistory {

    /**
     * One thing an import did: created or updated the customer, or (undone) its undo restored the
     * customer or left it alone.
     *
     * @param id      stable: derived from the import, the customer and what happened
     * @param kind    CREATED or UPDATED
     * @param fields  the fields the import changed (empty when it created the customer)
     * @param outcome for an undo: RESTORED or KEPT; null otherwise
     */
    public record Entry(UUID id, Instant at, boolean undone, UUID importId, String importName, String actor,
            String kind, List<String> fields, String outcome) {
    }

    private final JdbcTemplate jdbc;

    ImportHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code beforeAt}/{@code beforeId} continue after an entry (keyset), or null. */
    public List<Entry> of(UUID workspaceId, UUID customerId, Instant beforeAt, UUID beforeId, int limit) {
        Timestamp before = beforeAt == null ? null : Timestamp.from(beforeAt);
        return jdbc.query("""
                SELECT * FROM (
                    SELECT md5(import_id::text || customer_id::text || ':imported')::uuid AS id, changed_at AS at,
                           false AS undone, import_id, import_name, actor, kind, changed_fields, NULL AS outcome
                    FROM customer_import_change WHERE workspace_id = ? AND customer_id = ?
                    UNION ALL
                    SELECT md5(import_id::text || customer_id::text || ':undone')::uuid, undone_at, true, import_id,
                           import_name, actor, kind, changed_fields, undo_outcome
                    FROM customer_import_change WHERE workspace_id = ? AND customer_id = ? AND undone_at IS NOT NULL
                ) entries
                WHERE ?::timestamptz IS NULL OR (at, id) < (?::timestamptz, ?::uuid)
                ORDER BY at DESC, id DESC LIMIT ?""", (rs, i) -> new Entry(rs.getObject("id", UUID.class),
                        rs.getTimestamp("at").toInstant(), rs.getBoolean("undone"), rs.getObject("import_id", UUID.class),
                        rs.getString("import_name"), rs.getString("actor"), rs.getString("kind"),
                        List.of((String[]) rs.getArray("changed_fields").getArray()), rs.getString("outcome")),
                workspaceId, customerId, workspaceId, customerId, before, before, beforeId, limit);
    }
}
