package io.clientele.customer.groups;

import io.clientele.customer.search.CustomerFilter;
import io.clientele.customer.search.CustomerFilterSql;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Group membership in set-based SQL: adding "everyone the filter shows" to a group is one INSERT ...
 * SELECT, whether it is ten customers or a million.
 */
@Repository
class GroupMembers {

    private final NamedParameterJdbcTemplate jdbc;

    GroupMembers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int add(UUID workspaceId, UUID groupId, CustomerFilter filter, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("groupId", groupId).addValue("now", Timestamp.from(now));
        String where = CustomerFilterSql.where(workspaceId, filter, params);
        return jdbc.update("INSERT INTO customer_group_member (group_id, customer_id, workspace_id, added_at)"
                + " SELECT :groupId, c.id, c.workspace_id, :now FROM customer c WHERE " + where
                + " ON CONFLICT DO NOTHING", params);
    }

    int remove(UUID workspaceId, UUID groupId, CustomerFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("groupId", groupId);
        String where = CustomerFilterSql.where(workspaceId, filter, params);
        return jdbc.update("DELETE FROM customer_group_member m USING customer c"
                + " WHERE m.group_id = :groupId AND m.customer_id = c.id AND " + where, params);
    }

    /** Adds the listed customers; ids that are not customers of the workspace are returned, untouched. */
    List<UUID> addByIds(UUID workspaceId, UUID groupId, Collection<UUID> customerIds, Instant now) {
        List<UUID> known = jdbc.queryForList("SELECT id FROM customer WHERE workspace_id = :workspaceId AND id IN (:ids)",
                Map.of("workspaceId", workspaceId, "ids", customerIds), UUID.class);
        if (!known.isEmpty()) {
            jdbc.update("INSERT INTO customer_group_member (group_id, customer_id, workspace_id, added_at)"
                    + " SELECT :groupId, id, workspace_id, :now FROM customer WHERE workspace_id = :workspaceId"
                    + " AND id IN (:ids) ON CONFLICT DO NOTHING", new MapSqlParameterSource()
                    .addValue("groupId", groupId).addValue("now", Timestamp.from(now))
                    .addValue("workspaceId", workspaceId).addValue("ids", known));
        }
        return customerIds.stream().filter(id -> !known.contains(id)).distinct().toList();
    }

    int removeByIds(UUID workspaceId, UUID groupId, Collection<UUID> customerIds) {
        return jdbc.update("DELETE FROM customer_group_member WHERE group_id = :groupId AND workspace_id = :workspaceId"
                + " AND customer_id IN (:ids)", Map.of("groupId", groupId, "workspaceId", workspaceId,
                "ids", customerIds));
    }

    Map<UUID, Long> counts(UUID workspaceId, Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("SELECT group_id, count(*) AS members FROM customer_group_member"
                        + " WHERE workspace_id = :workspaceId AND group_id IN (:ids) GROUP BY group_id",
                Map.of("workspaceId", workspaceId, "ids", groupIds),
                (rs, i) -> Map.entry(rs.getObject("group_id", UUID.class), rs.getLong("members")))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The groups a customer belongs to. */
    List<UUID> groupsOf(UUID workspaceId, UUID customerId) {
        return jdbc.queryForList("SELECT group_id FROM customer_group_member WHERE workspace_id = :workspaceId"
                + " AND customer_id = :customerId", Map.of("workspaceId", workspaceId, "customerId", customerId),
                UUID.class);
    }
}
