package io.clientele.customer.search;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The SQL of one page of the customer list, in the three shapes {@link CustomerSearch} chooses between.
 * Each returns the list's columns and the page's sort keys as text ({@code sort_key_0...}) for the
 * cursor, at most {@code :limit} rows (the page and one more, which tells whether a next page exists).
 */
final class PageSql {

    private static final String COLUMNS = """
            c.id, c.first_name, c.last_name, c.company_name, c.email, c.phone, c.contact_state, c.status, c.stage,
            c.temperature, c.last_note_preview, c.last_note_at, c.discount_percent, c.source, c.synced,
            c.created_at, c.updated_at""";

    private final CustomerFilterSql.Conditions conditions;
    private final List<SortField.Key> keys;
    private final String direction;
    private final String keyset;

    /** @param after the cursor of the previous page, or null for the first page */
    PageSql(CustomerFilterSql.Conditions conditions, List<SortField.Key> keys, boolean descending, Cursor after,
            MapSqlParameterSource params) {
        this.conditions = conditions;
        this.keys = keys;
        this.direction = descending ? " DESC" : " ASC";
        this.keyset = after == null ? "" : keyset(keys, descending, after, params);
    }

    /**
     * Walks the sort index in order, checking every condition on each row, and stops when the page is
     * full: as fast as the index for pages of a filtered list, however deep, and for searches whose
     * matches are spread along the order.
     */
    String walk() {
        return "SELECT " + COLUMNS + textKeys("") + "\nFROM customer c\nWHERE " + conditions.all() + keyset
                + "\nORDER BY " + order("", "c.id") + "\nLIMIT :limit";
    }

    /**
     * Walks the sort index like {@link #walk()}, but at most {@code :walkBudget} rows that pass the other
     * conditions; the text search is checked on those. A row marked {@code hit} is a match; the row
     * numbered {@code :walkBudget} comes back whether it matches or not, as the sign that the walk ran out
     * of budget before the page was full (then this answer is not the page).
     */
    String walkWithin() {
        StringBuilder inner = new StringBuilder("SELECT ").append(COLUMNS);
        for (int i = 0; i < keys.size(); i++) {
            inner.append(", ").append(keys.get(i).expression()).append(" AS sort_raw_").append(i);
        }
        inner.append(textKeys("")).append(", (").append(conditions.text()).append(") AS hit")
                .append(", row_number() OVER (ORDER BY ").append(order("", "c.id")).append(") AS walked")
                .append("\n    FROM customer c\n    WHERE ").append(conditions.others()).append(keyset)
                .append("\n    ORDER BY ").append(order("", "c.id")).append("\n    LIMIT :walkBudget");
        // The outer ORDER BY is the inner one on the same expressions: PostgreSQL streams the rows through
        // and stops the walk at the page's last match.
        return "SELECT w.* FROM (\n    " + inner + "\n) w\nWHERE w.hit OR w.walked = :walkBudget\nORDER BY "
                + order("w.sort_raw_", "w.id") + "\nLIMIT :limit";
    }

    /**
     * Finds the matches through the trigram index, then sorts them: cost in proportion to the number of
     * matches, wherever they lie in the order. Only the id and the sort keys of each match are kept and
     * sorted; the page's rows are read afterwards. {@code matched} tells how many matches were read:
     * when {@code capped} at most {@code :matchesBudget}, and when that many, the page may be wrong.
     */
    String matches(boolean capped) {
        StringBuilder found = new StringBuilder("SELECT c.id");
        for (int i = 0; i < keys.size(); i++) {
            found.append(", ").append(keys.get(i).expression()).append(" AS sort_raw_").append(i);
        }
        found.append("\n    FROM customer c\n    WHERE ").append(conditions.all()).append(keyset);
        if (capped) {
            found.append("\n    LIMIT :matchesBudget");
        }
        // MATERIALIZED: the planner could otherwise walk the sort index "until the page is full", betting
        // that matches are spread evenly. They seldom are: a common surname sits in one stretch of the
        // order, all names before it to be passed first (127,000 rows before "Dvořák" at a million).
        return "WITH matches AS MATERIALIZED (\n    " + found + "\n), page AS (\n    SELECT * FROM matches m ORDER BY "
                + order("m.sort_raw_", "m.id") + " LIMIT :limit\n)\nSELECT " + COLUMNS + textKeys("p.sort_raw_")
                + ", (SELECT count(*) FROM matches) AS matched"
                + "\nFROM page p JOIN customer c ON c.id = p.id AND c.workspace_id = :workspaceId\nORDER BY "
                + order("p.sort_raw_", "p.id");
    }

    /** The sort keys as text: the expressions themselves, or the columns {@code prefix0, prefix1...}. */
    private String textKeys(String prefix) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", ").append(prefix.isEmpty() ? keys.get(i).expression() : prefix + i)
                    .append("::text AS sort_key_").append(i);
        }
        return sql.toString();
    }

    private String order(String prefix, String id) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sql.append(prefix.isEmpty() ? keys.get(i).expression() : prefix + i).append(direction).append(", ");
        }
        return sql.append(id).append(direction).toString();
    }

    /** A row-value comparison: walks the sort index from the cursor onwards. */
    private static String keyset(List<SortField.Key> keys, boolean descending, Cursor after,
            MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" AND (");
        for (SortField.Key key : keys) {
            sql.append(key.expression()).append(", ");
        }
        sql.append("c.id) ").append(descending ? "<" : ">").append(" (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(keys.get(i).fromText().formatted(":after" + i)).append(", ");
            params.addValue("after" + i, after.keys().get(i));
        }
        params.addValue("afterId", after.id());
        return sql.append(":afterId)").toString();
    }
}
