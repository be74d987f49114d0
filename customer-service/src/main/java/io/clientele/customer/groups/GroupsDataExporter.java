package io.clientele.customer.groups;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** C-12: the groups the customer is in, and since when. */
@Component
@Order(30)
class GroupsDataExporter implements CustomerDataExporter {

    private final JdbcTemplate jdbc;

    GroupsDataExporter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Membership(UUID groupId, String name, String description, Instant addedAt) {
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        return Map.of("groups", jdbc.query("""
                SELECT g.id, g.name, g.description, m.added_at FROM customer_group_member m
                JOIN customer_group g ON g.id = m.group_id AND g.workspace_id = m.workspace_id
                WHERE m.workspace_id = ? AND m.customer_id = ? ORDER BY m.added_at, g.id""",
                (rs, i) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), workspaceId, customerId));
    }
}
