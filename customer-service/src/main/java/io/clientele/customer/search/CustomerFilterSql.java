package io.clientele.customer.search;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A {@link CustomerFilter} as SQL conditions on the {@code customer} table (alias {@code c}), with
 * bound parameters only. Shared by the list and by bulk operations, so that "the customers this filter
 * shows" means the same everywhere.
 */
public final class CustomerFilterSql {

    static final int MAX_QUERY_WORDS = 6;
    /** Only digits and the characters people put between them: search the phone digits. */
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9\\s()./-]*[0-9][+0-9\\s()./-]*");

    private CustomerFilterSql() {
    }

    /** The WHERE clause (without "WHERE") selecting the workspace's customers that pass the filter. */
    public static String where(UUID workspaceId, CustomerFilter filter, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("c.workspace_id = :workspaceId");
        params.addValue("workspaceId", workspaceId);
        if (filter.query() != null) {
            List<String> patterns = patterns(filter.query());
            for (int i = 0; i < patterns.size(); i++) {
                // clientele_fold() is the function the search_text column is built with.
                sql.append(" AND c.search_text LIKE clientele_fold(:q").append(i).append(')');
                params.addValue("q" + i, patterns.get(i));
            }
        }
        in(sql, params, "c.status", "statuses", filter.statuses());
        in(sql, params, "c.stage", "stages", filter.stages());
        in(sql, params, "c.temperature", "temperatures", filter.temperatures());
        in(sql, params, "c.contact_state", "subscription", filter.subscription());
        in(sql, params, "c.source", "sources", filter.sources());
        if (filter.muted() != null) {
            sql.append(" AND c.muted = :muted");
            params.addValue("muted", filter.muted());
        }
        if (filter.synced() != null) {
            sql.append(" AND c.synced = :synced");
            params.addValue("synced", filter.synced());
        }
        if (filter.groupId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM customer_group_member m WHERE m.group_id = :groupId"
                    + " AND m.customer_id = c.id)");
            params.addValue("groupId", filter.groupId());
        }
        if (filter.hasUpcomingReservation() != null) {
            sql.append(filter.hasUpcomingReservation() ? " AND EXISTS" : " AND NOT EXISTS")
                    .append(" (SELECT 1 FROM reservation r WHERE r.customer_id = c.id AND r.status = 'BOOKED'"
                            + " AND r.starts_at > now())");
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND c.created_at >= :createdFrom");
            params.addValue("createdFrom", Timestamp.from(filter.createdFrom()));
        }
        if (filter.createdTo() != null) {
            sql.append(" AND c.created_at < :createdTo");
            params.addValue("createdTo", Timestamp.from(filter.createdTo()));
        }
        return sql.toString();
    }

    /**
     * LIKE patterns for a search query: the phone digits if it looks like a phone number, otherwise
     * one pattern per word (every word must match, in any order).
     */
    static List<String> patterns(String query) {
        if (PHONE_LIKE.matcher(query).matches()) {
            return List.of("%" + query.replaceAll("[^0-9]", "") + "%");
        }
        return Arrays.stream(query.split("\\s+"))
                .filter(word -> !word.isEmpty())
                .limit(MAX_QUERY_WORDS)
                .map(word -> "%" + escapeLike(word) + "%")
                .toList();
    }

    /**
     * Whether every word of the query has three characters or more (digits, for a phone number): only
     * then can the trigram index find the matches, and they are few enough to sort.
     */
    static boolean narrowsByTrigrams(String query) {
        return patterns(query).stream()
                .map(pattern -> pattern.substring(1, pattern.length() - 1).replaceAll("\\\\(.)", "$1"))
                .allMatch(word -> word.codePointCount(0, word.length()) >= 3);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void in(StringBuilder sql, MapSqlParameterSource params, String column, String name,
            Collection<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (:").append(name).append(')');
            params.addValue(name, values.stream().map(Enum::name).toList());
        }
    }
}
