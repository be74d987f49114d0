package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.CustomerServiceIT;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.settings.CustomerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * C-4: however a text search is answered (its matches read and sorted, or the sort index walked), the
 * pages are the same rows in the same order, cursor after cursor. Each way is forced by its budgets.
 */
@CustomerServiceIT
class SearchPlansIT {

    private static final int CUSTOMERS = 400;
    private static final List<String> SORTS = List.of("name", "name,desc", "createdAt", "createdAt,desc", "email",
            "discount,desc");

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    CustomerSettings settings;

    UUID workspace = UUID.randomUUID();

    /**
     * A quarter of the customers are Dvořák or Dvořáková, clustered in the name order; a few others have
     * "dvorak" in their e-mail only, scattered along it.
     */
    @BeforeEach
    void customers() {
        jdbc.update("""
                INSERT INTO customer (id, workspace_id, first_name, last_name, email, phone, discount_percent,
                                      customer_type, source, status, stage, subscription_state, created_at, updated_at)
                SELECT gen_random_uuid(), :workspace,
                       (ARRAY['Jana', 'Petr', 'Eva', 'Jiří', 'Šárka'])[1 + i % 5],
                       CASE WHEN i % 4 = 0 THEN (ARRAY['Dvořák', 'Dvořáková'])[1 + i % 8 / 4]
                            ELSE (ARRAY['Adámek', 'Čermák', 'Horák', 'Chalupa', 'Novák', 'Řezníček', 'Zeman'])[1 + i % 7]
                       END,
                       CASE WHEN i % 9 = 0 THEN NULL
                            WHEN i % 25 = 1 THEN 'k.dvorak' || i || '@example.cz' ELSE 'klient' || i || '@example.cz' END,
                       '+420777' || lpad(i::text, 6, '0'), i % 3 * 5, 'CONTACT', 'MANUAL',
                       (ARRAY['NEW', 'REGULAR', 'NEW'])[1 + i % 3], 'CURRENT', 'UNSUBSCRIBED',
                       timestamptz '2026-01-01' + i % 50 * interval '1 hour', now()
                FROM generate_series(1, :customers) AS i""", Map.of("workspace", workspace, "customers", CUSTOMERS));
    }

    @Test
    void everyWayOfAnsweringASearchGivesTheSamePages() {
        CustomerFilter dvorak = filter("dvorak", null);
        CustomerFilter regularDvorak = filter("dvorak", Set.of(LifecycleStatus.REGULAR));

        for (CustomerFilter filter : List.of(dvorak, regularDvorak)) {
            for (String sort : SORTS) {
                List<List<UUID>> matches = pages(CustomerSearch.Answer.MATCHES, Integer.MAX_VALUE, Integer.MAX_VALUE,
                        filter, sort);
                List<List<UUID>> walked = pages(CustomerSearch.Answer.BOUNDED_WALK, 1, Integer.MAX_VALUE, filter,
                        sort);
                List<List<UUID>> fallenBack = pages(CustomerSearch.Answer.ALL_MATCHES, 1, 3, filter, sort);

                assertThat(walked).as(sort).isEqualTo(matches);
                assertThat(fallenBack).as(sort).isEqualTo(matches);
                assertThat(matches.size()).as(sort).isGreaterThan(3);
            }
        }
    }

    @Test
    void thePagesHoldEveryMatchInTheLanguageOrder() {
        List<UUID> expected = jdbc.queryForList("""
                SELECT id FROM customer c WHERE workspace_id = :workspace AND search_text LIKE '%dvorak%'
                ORDER BY clientele_sort_name(last_name, first_name, company_name) COLLATE "cs-x-icu", id""",
                Map.of("workspace", workspace), UUID.class);

        for (int matchesBudget : List.of(Integer.MAX_VALUE, 1)) {
            List<UUID> seen = pages(null, matchesBudget, Integer.MAX_VALUE, filter("dvorak", null), "name")
                    .stream().flatMap(List::stream).toList();

            assertThat(seen).isEqualTo(expected).hasSizeGreaterThan(CUSTOMERS / 4);
        }
    }

    /**
     * Every page of the search, seven rows at a time, by a search with the given budgets; checks that the
     * expected answer gave most pages (the last page of a walk may end the walk instead).
     */
    private List<List<UUID>> pages(CustomerSearch.Answer expected, int matchesBudget, int walkBudget,
            CustomerFilter filter, String sort) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CustomerSearch search = new CustomerSearch(jdbc, settings, new SearchBudget(matchesBudget, walkBudget), meters);
        List<List<UUID>> pages = new ArrayList<>();
        String cursor = null;
        do {
            CustomerSearch.Page page = search.search(workspace, filter, sort, 7, cursor);
            pages.add(page.items().stream().map(CustomerSearch.CustomerRow::id).toList());
            cursor = page.nextCursor();
        } while (cursor != null);
        if (expected != null) {
            double answered = meters.counter("clientele.customers.search.answers", "query", expected.tag()).count();
            assertThat(answered).as(expected + " " + sort).isGreaterThanOrEqualTo(pages.size() - 1);
        }
        return pages;
    }

    private static CustomerFilter filter(String query, Set<LifecycleStatus> statuses) {
        return new CustomerFilter(query, statuses, null, null, null, null, null, null, null, null, null, null);
    }
}
