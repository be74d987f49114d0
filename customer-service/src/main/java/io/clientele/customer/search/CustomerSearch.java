package io.clientele.customer.search;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import io.clientele.customer.search.ListRows.Fetched;
import io.clientele.customer.settings.CustomerSettings;
import io.clientele.platform.problem.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * C-4: the customer list. Plain SQL over the indexed derived columns (search_text for substring
 * search, one index per sort column, per language for names, for keyset pages): the query a page
 * needs is exactly what the indexes were built for, which an ORM query could not guarantee.
 * <p>
 * A text search is answered one of two ways ({@link PageSql}): read every match through the trigram
 * index and sort them (cost: the matches), or walk the sort index in order until the page is full
 * (cost: the rows passed, few when matches are spread along the order, all names before a common
 * surname when they are not). Neither statistics nor the planner can tell which from the fragment, so
 * the matches are read first, up to a budget: below it (rare and common names alike) that is the
 * answer; a fragment with more matches is walked for, up to a budget of rows, and read in full only if
 * its matches turn out clustered further down.
 */
@Service
public class CustomerSearch {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final int MAX_QUERY_LENGTH = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerSettings settings;
    private final SearchBudget budget;
    private final MeterRegistry meters;

    CustomerSearch(NamedParameterJdbcTemplate jdbc, CustomerSettings settings, SearchBudget budget,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.budget = budget;
        this.meters = meters;
    }

    /** Which query answered a page: how often each is needed tells whether the budgets fit the data. */
    enum Answer {
        /** the sort index walked with every condition: lists without a text search, or with short words only */
        WALK,
        /** the matches read and sorted, fewer than the budget */
        MATCHES,
        /** a common fragment: the sort index walked within the budget */
        BOUNDED_WALK,
        /** a common fragment clustered beyond the walk's budget: all the matches read and sorted */
        ALL_MATCHES;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private void answered(Answer answer) {
        meters.counter("clientele.customers.search.answers", "query", answer.tag()).increment();
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

    /** SELECTs in autocommit: no transaction to begin and commit around reads that need none. */
    public Page search(UUID workspaceId, CustomerFilter filter, String sort, Integer limit, String cursorToken) {
        Sort order = Sort.parse(sort);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "Range", "must be between 1 and " + MAX_LIMIT);
        }
        if (filter.query() != null && filter.query().length() > MAX_QUERY_LENGTH) {
            throw InvalidInputException.of("q", "Size", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        CustomerSettings.Settings workspace = settings.of(workspaceId);
        SortCollation collation = SortCollation.forLanguage(workspace.language());
        String collationName = order.field().collated() ? collation.collationName() : null;
        Cursor after = cursorToken == null || cursorToken.isBlank() ? null : Cursor.decode(cursorToken);
        if (after != null && (!after.sort().equals(order.field().apiName()) || after.descending() != order.descending()
                || !Objects.equals(after.collation(), collationName)
                || after.keys().size() != order.field().keys(collation).size())) {
            throw InvalidInputException.of("cursor", "cursor",
                    "belongs to another sort; start again without a cursor after changing the sort or the language");
        }
        CustomerFilter readable = filter.readingPhonesIn(workspace.defaultCountry());
        MapSqlParameterSource params = new MapSqlParameterSource();
        List<SortField.Key> keys = order.field().keys(collation);
        PageSql sql = new PageSql(CustomerFilterSql.conditions(workspaceId, readable, params), keys,
                order.descending(), after, params);
        params.addValue("limit", size + 1);
        params.addValue("matchesBudget", budget.matches());
        params.addValue("walkBudget", budget.walk());

        List<Fetched> rows = readable.query() != null
                && CustomerFilterSql.narrowsByTrigrams(readable.query(), readable.phoneRegion())
                ? textSearch(sql, params, keys.size(), after != null)
                : walk(sql, params, keys.size(), after != null);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Fetched last = rows.getLast();
            next = new Cursor(order.field().apiName(), order.descending(), collationName, last.sortKeys(),
                    last.row().id()).encode();
        }
        return new Page(rows.stream().map(Fetched::row).toList(), next, size, order.text());
    }

    private List<Fetched> walk(PageSql sql, MapSqlParameterSource params, int keys, boolean afterCursor) {
        answered(Answer.WALK);
        return run(sql.walk(), params, (rs, i) -> ListRows.fetched(rs, keys), afterCursor);
    }

    /** Matches first, up to the budget; then a bounded walk; then all the matches (see the class comment). */
    private List<Fetched> textSearch(PageSql sql, MapSqlParameterSource params, int keys, boolean afterCursor) {
        List<Read> read = run(sql.matches(true), params, (rs, i) -> new Read(ListRows.fetched(rs, keys),
                rs.getLong("matched")), afterCursor);
        if (read.isEmpty() || read.getFirst().matched() < budget.matches()) {
            answered(Answer.MATCHES);
            return read.stream().map(Read::fetched).toList();
        }
        List<Walked> walked = run(sql.walkWithin(), params, (rs, i) -> new Walked(ListRows.fetched(rs, keys),
                rs.getBoolean("hit"), rs.getLong("walked")), afterCursor);
        List<Fetched> hits = walked.stream().filter(Walked::hit).map(Walked::fetched).toList();
        boolean pageFull = hits.size() == (Integer) params.getValue("limit");
        boolean walkEnded = walked.stream().noneMatch(row -> row.walked() == budget.walk());
        if (pageFull || walkEnded) {
            answered(Answer.BOUNDED_WALK);
            return hits;
        }
        answered(Answer.ALL_MATCHES);
        return run(sql.matches(false), params, (rs, i) -> ListRows.fetched(rs, keys), afterCursor);
    }

    /** A match read through the trigram index, and how many matches were read. */
    private record Read(Fetched fetched, long matched) {
    }

    /** A row passed by a bounded walk: whether it matches the text, and how many rows the walk had passed. */
    private record Walked(Fetched fetched, boolean hit, long walked) {
    }

    private <T> List<T> run(String sql, MapSqlParameterSource params, RowMapper<T> mapper, boolean afterCursor) {
        try {
            return jdbc.query(sql, params, mapper);
        } catch (DataIntegrityViolationException notOurCursor) {
            // The only values the database converts from text are a cursor's sort keys: an altered
            // cursor ("yesterday" as a timestamp) ends here.
            if (!afterCursor) {
                throw notOurCursor;
            }
            throw InvalidInputException.of("cursor", "cursor", "is not a cursor this API returned");
        }
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
