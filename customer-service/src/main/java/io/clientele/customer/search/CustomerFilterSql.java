package io.clientele.customer.search;

import io.clientele.customer.customers.FieldRules;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * The filter's conditions in two parts: the text search (null without a query), which the trigram
     * index answers, and everything else, which the list can check row by row while it walks a sort index.
     */
    record Conditions(String text, String others) {

        String all() {
            return text == null ? others : others + " AND " + text;
        }
    }

    /** The WHERE clause (without "WHERE") selecting the workspace's customers that pass the filter. */
    public static String where(UUID workspaceId, CustomerFilter filter, MapSqlParameterSource params) {
        return conditions(workspaceId, filter, params).all();
    }

    static Conditions conditions(UUID workspaceId, CustomerFilter filter, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("c.workspace_id = :workspaceId");
        params.addValue("workspaceId", workspaceId);
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
        return new Conditions(filter.query() == null ? null : text(patterns(filter.query(), filter.phoneRegion()),
                params), sql.toString());
    }

    /** Every group must match; within a group, any of its patterns. */
    private static String text(List<List<String>> groups, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        int count = 0;
        for (List<String> alternatives : groups) {
            List<String> likes = new ArrayList<>();
            for (String pattern : alternatives) {
                String name = "q" + count++;
                // clientele_fold() is the function the search_text column is built with.
                likes.add("c.search_text LIKE clientele_fold(:" + name + ")");
                params.addValue(name, pattern);
            }
            conditions.add(likes.size() == 1 ? likes.getFirst() : "(" + String.join(" OR ", likes) + ")");
        }
        return String.join(" AND ", conditions);
    }

    /**
     * LIKE patterns for a search query, as groups that must all match, each of alternatives of which one
     * must: one group per word (in any order), or for a query that looks like a phone number, one group
     * with its digits as typed ("777 123", a partial number) and its digits as the number is stored, in
     * E.164, when the workspace's region reads it as a whole number ("00420 777 123 456" and, in a British
     * workspace, "07911 123456" are stored as +420777123456 and +447911123456).
     *
     * @param phoneRegion ISO 3166 region, or null to read the digits only as typed
     */
    static List<List<String>> patterns(String query, String phoneRegion) {
        if (PHONE_LIKE.matcher(query).matches()) {
            Set<String> digits = new LinkedHashSet<>();
            digits.add(query.replaceAll("[^0-9]", ""));
            // Lookup's parsing, so that whatever lookup understands, the list finds.
            FieldRules.phone(query, phoneRegion).ifPresent(e164 -> digits.add(e164.substring(1)));
            // A pattern containing another finds nothing the other does not: keep the shorter.
            return List.of(digits.stream()
                    .filter(form -> digits.stream().noneMatch(other -> !other.equals(form) && form.contains(other)))
                    .map(form -> "%" + form + "%").toList());
        }
        return Arrays.stream(query.split("\\s+"))
                .filter(word -> !word.isEmpty())
                .limit(MAX_QUERY_WORDS)
                .map(word -> List.of("%" + escapeLike(word) + "%"))
                .toList();
    }

    /**
     * Whether the trigram index can find the matches: some word of the query has three characters or
     * more (digits, for a phone number, in every form it is searched in), so its trigrams narrow the
     * rows down; the other words are checked on the rows found.
     */
    static boolean narrowsByTrigrams(String query, String phoneRegion) {
        return patterns(query, phoneRegion).stream().anyMatch(alternatives -> alternatives.stream()
                .map(pattern -> pattern.substring(1, pattern.length() - 1).replaceAll("\\\\(.)", "$1"))
                .allMatch(word -> word.codePointCount(0, word.length()) >= 3));
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
