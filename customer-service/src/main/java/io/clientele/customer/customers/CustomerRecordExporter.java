package io.clientele.customer.customers;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * C-12: the record itself (with the client card's custom fields, stage, temperature and status), its
 * status history, and what every import did to it with the values it replaced. First in the export.
 */
@Component
@Order(0)
class CustomerRecordExporter implements CustomerDataExporter {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final CustomerService service;
    private final StatusChangeRepository statusChanges;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CustomerRecordExporter(CustomerService service, StatusChangeRepository statusChanges, JdbcTemplate jdbc,
            JsonMapper json) {
        this.service = service;
        this.statusChanges = statusChanges;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One import's change of the customer.
     *
     * @param before        the customer as it was before the import (empty when the import created it): the
     *                      values the undo would restore
     * @param changedFields what the import changed; the values it wrote are the profile's unless changed since
     * @param undoOutcome   RESTORED or KEPT once the import was undone
     */
    record ImportChange(UUID importId, String importName, String actor, long rowNumber, String kind,
            List<String> changedFields, Map<String, Object> before, Instant changedAt, Instant undoneAt,
            String undoOutcome) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("profile", CustomerDetails.of(service.load(workspaceId, customerId)));
        sections.put("statusHistory", statusChanges.findByWorkspaceIdAndCustomerIdOrderByChangedAtDesc(workspaceId,
                customerId).stream().map(StatusChange::view).toList());
        sections.put("imports", jdbc.query("""
                SELECT import_id, import_name, actor, row_number, kind, changed_fields, previous::text AS previous,
                       changed_at, undone_at, undo_outcome
                FROM customer_import_change WHERE workspace_id = ? AND customer_id = ?
                ORDER BY changed_at, import_id""", this::importChange, workspaceId, customerId));
        return sections;
    }

    private ImportChange importChange(ResultSet rs, int row) throws SQLException {
        return new ImportChange(rs.getObject("import_id", UUID.class), rs.getString("import_name"),
                rs.getString("actor"), rs.getLong("row_number"), rs.getString("kind"),
                List.of((String[]) rs.getArray("changed_fields").getArray()),
                json.readValue(rs.getString("previous"), OBJECT), instant(rs.getTimestamp("changed_at")),
                instant(rs.getTimestamp("undone_at")), rs.getString("undo_outcome"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
