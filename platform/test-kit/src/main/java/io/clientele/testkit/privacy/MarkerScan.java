package io.clientele.testkit.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds a test's markers (values only this run wrote, such as {@code zqkfhwmsfirst}) in a PostgreSQL
 * service's database, every column of every table: where personal data is before an erasure, and that
 * none is left after it. Each column is read as text ({@code bytea} decoded), one query per column.
 */
public final class MarkerScan {

    private final JdbcTemplate jdbc;
    private final Pattern markers;
    private final List<String> needles;
    private final String[] schemas;

    /**
     * @param markers what one marker looks like in a value (each match is reported)
     * @param needles fixed strings a value holding a marker contains (for the {@code LIKE} that finds them)
     */
    public MarkerScan(JdbcTemplate jdbc, Pattern markers, List<String> needles, String... schemas) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.needles = List.copyOf(needles);
        this.schemas = schemas.clone();
    }

    /** @param columns {@code schema.table.column} names; @return those holding a marker, to the markers held */
    public Map<String, Set<String>> markersIn(List<String> columns) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (String qualified : columns) {
            String[] name = qualified.split("\\.", 3);
            Set<String> values = new LinkedHashSet<>();
            for (String value : valuesWithAMarker(name[0], name[1], name[2], "text")) {
                Matcher matcher = markers.matcher(value);
                while (matcher.find()) {
                    values.add(matcher.group());
                }
            }
            if (!values.isEmpty()) {
                found.put(qualified, values);
            }
        }
        return found;
    }

    /** Every column of every table of the schemas, classified or not, that holds a marker. */
    public List<String> columnsHoldingAMarker() {
        List<String> holding = new ArrayList<>();
        jdbc.query("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = ANY (?) AND t.table_type = 'BASE TABLE'""", rs -> {
                    String schema = rs.getString(1);
                    String table = rs.getString(2);
                    String column = rs.getString(3);
                    if (!valuesWithAMarker(schema, table, column, rs.getString(4)).isEmpty()) {
                        holding.add(schema + "." + table + "." + column);
                    }
                }, (Object) schemas);
        return holding;
    }

    private List<String> valuesWithAMarker(String schema, String table, String column, String type) {
        String text = "bytea".equals(type) ? "encode(\"" + column + "\", 'escape')" : "\"" + column + "\"::text";
        List<String> likes = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (String needle : needles) {
            likes.add(text + " LIKE ?");
            args.add("%" + needle + "%");
        }
        return jdbc.queryForList("SELECT " + text + " FROM \"" + schema + "\".\"" + table + "\" WHERE "
                + String.join(" OR ", likes), String.class, args.toArray());
    }
}
