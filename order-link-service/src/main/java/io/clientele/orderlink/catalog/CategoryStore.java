package io.clientele.orderlink.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Categories, always within one workspace; names are unique per workspace whatever their letter case. */
@Repository
class CategoryStore {

    private static final String SELECT = """
            SELECT c.id, c.name, c.position, (SELECT count(*) FROM product p WHERE p.category_id = c.id) AS products
              FROM category c WHERE c.workspace_id = ?""";

    private final JdbcTemplate jdbc;

    CategoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CategoryView> list(UUID workspaceId) {
        return jdbc.query(SELECT, (rs, n) -> new CategoryView(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getInt("position"), rs.getLong("products")), workspaceId);
    }

    Optional<CategoryView> find(UUID workspaceId, UUID id) {
        return jdbc.query(SELECT + " AND c.id = ?", (rs, n) -> new CategoryView(rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getInt("position"), rs.getLong("products")), workspaceId, id).stream().findFirst();
    }

    boolean exists(UUID workspaceId, UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM category WHERE workspace_id = ? AND id = ?)", Boolean.class, workspaceId, id));
    }

    boolean nameTaken(UUID workspaceId, String name, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM category WHERE workspace_id = ? AND lower(name) = lower(?) AND id <> ?)",
                Boolean.class, workspaceId, name, except == null ? new UUID(0, 0) : except));
    }

    /** Category ids by lower-cased name. */
    Map<String, UUID> byName(UUID workspaceId, Collection<String> names) {
        Map<String, UUID> found = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        jdbc.query("SELECT id, name FROM category WHERE workspace_id = ? AND lower(name) = ANY(?)",
                rs -> {
                    found.put(rs.getString("name").toLowerCase(Locale.ROOT), rs.getObject("id", UUID.class));
                }, workspaceId, names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toArray(String[]::new));
        return found;
    }

    void insert(UUID workspaceId, UUID id, String name, int position, Instant now) {
        jdbc.update("INSERT INTO category (id, workspace_id, name, position, created_at) VALUES (?, ?, ?, ?, ?)",
                id, workspaceId, name, position, Timestamp.from(now));
    }

    boolean update(UUID workspaceId, UUID id, String name, int position) {
        return jdbc.update("UPDATE category SET name = ?, position = ? WHERE workspace_id = ? AND id = ?",
                name, position, workspaceId, id) == 1;
    }

    boolean delete(UUID workspaceId, UUID id) {
        return jdbc.update("DELETE FROM category WHERE workspace_id = ? AND id = ?", workspaceId, id) == 1;
    }
}
