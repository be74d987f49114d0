package io.clientele.scenario.definitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Scenarios and their versions in PostgreSQL; every query is scoped by the workspace. */
@Repository
class ScenarioStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VIEW = """
            SELECT s.id, s.name, s.trigger, s.active, s.current_version, s.ready_made, s.created_at, s.updated_at,
                   v.definition::text
              FROM scenario s JOIN scenario_version v ON v.workspace_id = s.workspace_id AND v.scenario_id = s.id
                                                     AND v.version = s.current_version
            """;

    private final JdbcTemplate jdbc;

    ScenarioStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the workspace already has this ready-made scenario (nothing written) */
    boolean insert(UUID workspaceId, UUID id, Definition definition, JsonNode body, String readyMade, String actor,
            Instant now) {
        int inserted = jdbc.update("""
                INSERT INTO scenario (workspace_id, id, name, trigger, active, current_version, ready_made, created_at,
                                      updated_at)
                VALUES (?, ?, ?, ?, true, 1, ?, ?, ?)
                ON CONFLICT (workspace_id, ready_made) WHERE ready_made IS NOT NULL DO NOTHING""", workspaceId, id,
                definition.name(), definition.trigger().name(), readyMade, Timestamp.from(now), Timestamp.from(now));
        if (inserted == 1) {
            insertVersion(workspaceId, id, 1, body, actor, now);
        }
        return inserted == 1;
    }

    /** @return the new version, or empty when the scenario does not exist in the workspace */
    Optional<Integer> newVersion(UUID workspaceId, UUID id, Definition definition, JsonNode body, String actor,
            Instant now) {
        List<Integer> version = jdbc.queryForList("""
                UPDATE scenario SET current_version = current_version + 1, name = ?, trigger = ?, updated_at = ?
                 WHERE workspace_id = ? AND id = ? RETURNING current_version""", Integer.class, definition.name(),
                definition.trigger().name(), Timestamp.from(now), workspaceId, id);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        insertVersion(workspaceId, id, version.get(0), body, actor, now);
        return Optional.of(version.get(0));
    }

    private void insertVersion(UUID workspaceId, UUID id, int version, JsonNode body, String actor, Instant now) {
        jdbc.update("""
                INSERT INTO scenario_version (workspace_id, scenario_id, version, definition, created_at, created_by)
                VALUES (?, ?, ?, ?::jsonb, ?, ?)""", workspaceId, id, version, JSON.writeValueAsString(body),
                Timestamp.from(now), actor);
    }

    boolean setActive(UUID workspaceId, UUID id, boolean active, Instant now) {
        return jdbc.update("UPDATE scenario SET active = ?, updated_at = ? WHERE workspace_id = ? AND id = ?", active,
                Timestamp.from(now), workspaceId, id) == 1;
    }

    Optional<ScenarioView> find(UUID workspaceId, UUID id) {
        return jdbc.query(VIEW + " WHERE s.workspace_id = ? AND s.id = ?", ScenarioStore::view, workspaceId, id)
                .stream().findFirst();
    }

    Optional<UUID> findReadyMade(UUID workspaceId, String key) {
        return jdbc.queryForList("SELECT id FROM scenario WHERE workspace_id = ? AND ready_made = ?", UUID.class,
                workspaceId, key).stream().findFirst();
    }

    /** By name in the user's language; names equal there by creation. */
    List<ScenarioView> all(UUID workspaceId, NameCollation collation) {
        return jdbc.query(VIEW + " WHERE s.workspace_id = ? ORDER BY s.name " + collation.sql() + ", s.created_at, s.id",
                ScenarioStore::view, workspaceId);
    }

    Optional<JsonNode> version(UUID workspaceId, UUID id, int version) {
        return jdbc.queryForList("""
                SELECT definition::text FROM scenario_version WHERE workspace_id = ? AND scenario_id = ? AND version = ?""",
                String.class, workspaceId, id, version).stream().findFirst().map(JSON::readTree);
    }

    /** Active scenarios started by a trigger, each at its current version. */
    List<Object[]> activeWith(UUID workspaceId, String trigger) {
        return jdbc.query("""
                SELECT s.id, s.current_version, v.definition::text FROM scenario s
                  JOIN scenario_version v ON v.workspace_id = s.workspace_id AND v.scenario_id = s.id
                                         AND v.version = s.current_version
                 WHERE s.workspace_id = ? AND s.trigger = ? AND s.active""",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)}, workspaceId,
                trigger);
    }

    private static ScenarioView view(ResultSet rs, int n) throws SQLException {
        return new ScenarioView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getBoolean(4) ? "ACTIVE" : "PAUSED", rs.getInt(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), JSON.readTree(rs.getString(9)));
    }
}
