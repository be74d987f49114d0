package io.clientele.customer.search;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerDetails;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import io.clientele.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * C-4: the customer list. Plain SQL over the indexed derived columns (search_text for substring
 * search, one index per sort column for keyset pages): the query a page needs is exactly what the
 * indexes were built for, which an ORM query could not guarantee.
 */
@Service
public class CustomerSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_QUERY_LENGTH = 200;

    private final NamedParameterJdbcTemplate jdbc;

    CustomerSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the customer list. */
    public record CustomerRow(UUID id, String displayName, String firstName, String lastName, String companyName,
            String email, String phone, ContactState subscription, LifecycleStatus status, SalesStage stage,
            Temperature temperature, String lastNotePreview, Instant lastNoteAt, BigDecimal discountPercent,
            CustomerSource source, boolean synced, Instant createdAt, Instant updatedAt) {
    }

    /**
     * @param nextCursor pass it back as {@code cursor} for the next page; null on the last page
     * @param sort       the sort applied, e.g. {@code name,asc}
     */
    public record Page(List<CustomerRow> items, String nextCursor, int limit, String sort) {
    }

    /** One SELECT in autocommit: no transaction to begin and commit around a read that needs none. */
    public Page search(UUID workspaceId, CustomerFilter filter, String sort, Integer limit, String cursorToken) {
        Sort order = Sort.parse(sort);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "Range", "must be between 1 and " + MAX_LIMIT);
        }
        if (filter.query() != null && filter.query().length() > MAX_QUERY_LENGTH) {
            throw InvalidInputException.of("q", "Size", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<SortField.Key> keys = order.field().keys();
        StringBuilder select = new StringBuilder("""
                SELECT c.id, c.first_name, c.last_name, c.company_name, c.email, c.phone, c.contact_state, c.status,
                       c.stage, c.temperature, c.last_note_preview, c.last_note_at, c.discount_percent, c.source,
                       c.synced, c.created_at, c.updated_at""");
        for (int i = 0; i < keys.size(); i++) {
            select.append(", ").append(keys.get(i).expression()).append(" AS sort_raw_").append(i)
                    .append(", ").append(keys.get(i).expression()).append("::text AS sort_key_").append(i);
        }
        select.append("\nFROM customer c\nWHERE ").append(CustomerFilterSql.where(workspaceId, filter, params));
        if (cursorToken != null && !cursorToken.isBlank()) {
            appendKeyset(select, params, order, Cursor.decode(cursorToken));
        }
        String direction = order.descending() ? " DESC" : " ASC";
        StringBuilder sql = new StringBuilder();
        if (filter.query() != null && CustomerFilterSql.narrowsByTrigrams(filter.query())) {
            // A search fragment of three characters or more is answered from the trigram index: find
            // the matches, then sort them. Left to itself the planner may instead walk the sort index
            // "until 50 rows match", assuming matches are spread evenly, and they are not: searching
            // "dvorak" sorted by name meets every Dvořák only after all names before D (measured
            // 390 ms against 90 ms at a million customers). This keeps the cost proportional to the
            // matches. Shorter fragments match too many rows for that, and keep the walk.
            sql.append("WITH matches AS MATERIALIZED (\n").append(select).append("\n)\nSELECT * FROM matches m");
            sql.append("\nORDER BY ");
            for (int i = 0; i < keys.size(); i++) {
                sql.append("m.sort_raw_").append(i).append(direction).append(", ");
            }
            sql.append("m.id").append(direction);
        } else {
            sql.append(select).append("\nORDER BY ");
            for (SortField.Key key : keys) {
                sql.append(key.expression()).append(direction).append(", ");
            }
            sql.append("c.id").append(direction);
        }
        sql.append("\nLIMIT :limit");
        params.addValue("limit", size + 1);

        List<Fetched> rows;
        try {
            rows = jdbc.query(sql.toString(), params, (rs, i) -> fetched(rs, keys.size()));
        } catch (DataIntegrityViolationException notOurCursor) {
            // The only values the database converts from text are a cursor's sort keys: an altered
            // cursor ("yesterday" as a timestamp) ends here.
            if (cursorToken == null || cursorToken.isBlank()) {
                throw notOurCursor;
            }
            throw InvalidInputException.of("cursor", "cursor", "is not a cursor this API returned");
        }
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Fetched last = rows.getLast();
            next = new Cursor(order.field().apiName(), order.descending(), last.sortKeys(), last.row().id()).encode();
        }
        return new Page(rows.stream().map(Fetched::row).toList(), next, size, order.text());
    }

    private static void appendKeyset(StringBuilder sql, MapSqlParameterSource params, Sort order, Cursor cursor) {
        List<SortField.Key> keys = order.field().keys();
        if (!cursor.sort().equals(order.field().apiName()) || cursor.descending() != order.descending()
                || cursor.keys().size() != keys.size()) {
            throw InvalidInputException.of("cursor", "cursor",
                    "belongs to another sort; start again without a cursor after changing the sort");
        }
        // A row-value comparison walks the sort index from the cursor onwards.
        sql.append(" AND (");
        for (SortField.Key key : keys) {
            sql.append(key.expression()).append(", ");
        }
        sql.append("c.id) ").append(order.descending() ? "<" : ">").append(" (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(keys.get(i).fromText().formatted(":after" + i)).append(", ");
            params.addValue("after" + i, cursor.keys().get(i));
        }
        sql.append(":afterId)");
        params.addValue("afterId", cursor.id());
    }

    private static Fetched fetched(ResultSet rs, int sortKeys) throws SQLException {
        String firstName = rs.getString("first_name");
        String lastName = rs.getString("last_name");
        String companyName = rs.getString("company_name");
        CustomerRow row = new CustomerRow(rs.getObject("id", UUID.class),
                CustomerDetails.displayName(firstName, lastName, companyName), firstName, lastName, companyName,
                rs.getString("email"), rs.getString("phone"), ContactState.valueOf(rs.getString("contact_state")),
                LifecycleStatus.valueOf(rs.getString("status")), SalesStage.valueOf(rs.getString("stage")),
                enumOrNull(Temperature.class, rs.getString("temperature")), rs.getString("last_note_preview"),
                instant(rs, "last_note_at"), rs.getBigDecimal("discount_percent"),
                CustomerSource.valueOf(rs.getString("source")), rs.getBoolean("synced"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
        List<String> keys = new ArrayList<>(sortKeys);
        for (int i = 0; i < sortKeys; i++) {
            keys.add(rs.getString("sort_key_" + i));
        }
        return new Fetched(row, keys);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private record Fetched(CustomerRow row, List<String> sortKeys) {
    }

    /** The requested order: {@code name}, {@code name,asc} or {@code name,desc}; name ascending by default. */
    record Sort(SortField field, boolean descending) {

        static Sort parse(String text) {
            if (text == null || text.isBlank()) {
                return new Sort(SortField.NAME, false);
            }
            String[] parts = text.split(",", -1);
            SortField field = SortField.byApiName(parts[0].strip());
            boolean descending = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
            boolean directionValid = parts.length == 1
                    || parts.length == 2 && parts[1].strip().matches("(?i)asc|desc");
            if (field == null || !directionValid) {
                throw InvalidInputException.of("sort", "sort",
                        "must be one of " + SortField.apiNames() + ", optionally followed by ,asc or ,desc");
            }
            return new Sort(field, descending);
        }

        String text() {
            return field.apiName() + (descending ? ",desc" : ",asc");
        }
    }
}
