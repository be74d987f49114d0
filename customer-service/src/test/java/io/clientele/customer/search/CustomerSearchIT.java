package io.clientele.customer.search;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.named;
import static io.clientele.customer.CustomerMother.with;
import static io.clientele.customer.CustomerMother.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustomerServiceIT
class CustomerSearchIT {

    @LocalServerPort
    int port;

    Api staff;

    @BeforeEach
    void workspace() {
        staff = Api.staff(port, UUID.randomUUID());
    }

    @ParameterizedTest
    @CsvSource({"novak", "NOVÁK", "Novák", "ovako", "jan nov", "novakova jan"})
    void nameSearchIgnoresCaseAndAccentsAndWordOrder(String query) {
        staff.create(with(named("Jana", "Nováková"), "email", "jn@example.cz"));
        staff.create(with(named("Petr", "Svoboda"), "email", "ps@example.cz"));

        assertThat(lastNames(search("q", query))).containsExactly("Nováková");
    }

    @Test
    void phoneDigitsMatchHoweverTheyWereTyped() {
        staff.create(with(named("Jana", "Nováková"), "phone", "+420 777 123 456"));
        staff.create(with(named("Petr", "Svoboda"), "phone", "+420 608 000 111"));

        assertThat(lastNames(search("q", "777 123"))).containsExactly("Nováková");
        assertThat(lastNames(search("q", "777-123-456"))).containsExactly("Nováková");
        assertThat(lastNames(search("q", "+420777"))).containsExactly("Nováková");
        assertThat(lastNames(search("q", "(608) 000"))).containsExactly("Svoboda");
    }

    @Test
    void emailFragmentsMatch() {
        staff.create(with(named("Jana", "Nováková"), "email", "jana.novakova@salon-lilie.cz"));
        staff.create(with(named("Petr", "Svoboda"), "email", "petr@example.cz"));

        assertThat(lastNames(search("q", "salon-lilie"))).containsExactly("Nováková");
        assertThat(lastNames(search("q", "Novakova@"))).containsExactly("Nováková");
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        staff.create(with(named("Jana", "Nováková"), "email", "jana_n@example.cz"));
        staff.create(with(named("Petr", "Svoboda"), "email", "janaxn@example.cz"));

        assertThat(lastNames(search("q", "jana_n"))).containsExactly("Nováková");
        assertThat(search("q", "%")).isEmpty();
    }

    @Test
    void filtersCombine() {
        UUID hotLead = staff.create(with(with(aCustomer(), "temperature", "HOT"), "stage", "POTENTIAL"));
        staff.create(with(with(aCustomer(), "temperature", "HOT"), "stage", "CURRENT"));
        staff.create(with(aCustomer(), "temperature", "COLD"));
        UUID blocked = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "BLOCKED"), blocked).expectStatus().isOk();
        UUID subscribed = staff.create(with(aCustomer(), "marketingConsent", true));

        assertThat(ids(search("temperature", "HOT", "stage", "POTENTIAL"))).containsExactly(hotLead.toString());
        assertThat(ids(search("status", "BLOCKED"))).containsExactly(blocked.toString());
        assertThat(search("status", "NEW,BLOCKED")).hasSize(5);
        assertThat(ids(search("subscription", "SUBSCRIBED"))).containsExactly(subscribed.toString());
        assertThat(search("subscription", "UNSUBSCRIBED")).hasSize(4);
        assertThat(search("muted", "false")).hasSize(5);
        assertThat(search("muted", "true")).isEmpty();
        assertThat(search("synced", "true")).isEmpty();
        assertThat(search("source", "MANUAL")).hasSize(5);
        assertThat(search("source", "API,IMPORT")).isEmpty();
    }

    @Test
    void createdRangeFiltersByCreationTime() {
        UUID early = staff.create(aCustomer());
        String between = (String) staff.json("/api/v1/customers/{id}", early).get("createdAt");
        UUID late = staff.create(aCustomer());
        String lateAt = (String) staff.json("/api/v1/customers/{id}", late).get("createdAt");

        assertThat(ids(search("createdFrom", lateAt))).containsExactly(late.toString());
        assertThat(ids(search("createdTo", lateAt))).containsExactly(early.toString());
        assertThat(ids(search("createdFrom", between, "createdTo", lateAt))).containsExactly(early.toString());
    }

    @Test
    void everyListedColumnSortsBothWaysWithMissingValuesLastWhenAscending() {
        staff.create(with(with(named("Adam", "Zeman"), "discountPercent", 10), "email", "b@example.cz"));
        staff.create(with(with(named("Bára", "Šťastná"), "discountPercent", 5), "email", "a@example.cz"));
        staff.create(without(without(named("Cyril", "Adámek"), "email"), "phone"));
        staff.create(with(named("Dana", "Černá"), "marketingConsent", true));

        // Names sort in the workspace's language, Czech by default: Č after C, Š after S (NameSortIT).
        assertThat(lastNames(rows(staff.json("/api/v1/customers?sort=name"))))
                .containsExactly("Adámek", "Černá", "Šťastná", "Zeman");
        assertThat(lastNames(rows(staff.json("/api/v1/customers?sort=name,desc"))))
                .containsExactly("Zeman", "Šťastná", "Černá", "Adámek");
        assertSorted("discount", row -> new BigDecimal(String.valueOf(row.get("discountPercent"))));
        assertNullsLast("email", row -> (String) row.get("email"));
        assertNullsLast("phone", row -> (String) row.get("phone"));
        assertSorted("subscription", row -> (String) row.get("subscription"));
        assertSorted("status", row -> (String) row.get("status"));
        assertSorted("createdAt", row -> java.time.Instant.parse((String) row.get("createdAt")));
        assertSorted("updatedAt", row -> java.time.Instant.parse((String) row.get("updatedAt")));
        assertNullsLast("lastNote", row -> (String) row.get("lastNoteAt"));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeatsInEverySort() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Duplicate sort values on purpose: the id breaks ties.
            created.add(staff.create(with(with(named("Eva", i % 3 == 0 ? "Malá" : "Veselá"), "discountPercent", i % 4),
                    "email", i % 5 == 0 ? null : "eva" + i + "-" + UUID.randomUUID() + "@example.cz")).toString());
        }
        for (String sort : List.of("name", "name,desc", "email", "email,desc", "discount,desc", "createdAt",
                "lastNote", "phone,desc", "status")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> page = cursor == null
                        ? staff.json("/api/v1/customers?limit=5&sort={s}", sort)
                        : staff.json("/api/v1/customers?limit=5&sort={s}&cursor={c}", sort, cursor);
                seen.addAll(ids(rows(page)));
                cursor = (String) page.get("nextCursor");
                pages++;
            } while (cursor != null);
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
            assertThat(pages).as(sort).isEqualTo(5);
        }
    }

    @Test
    void aTextSearchPagesThroughAllItsMatchesInEverySort() {
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            matching.add(staff.create(with(named("Iva", i % 2 == 0 ? "Horáková" : "Horák"), "discountPercent", i % 3))
                    .toString());
            staff.create(named("Ota", "Malý"));
        }
        for (String sort : List.of("name", "name,desc", "discount", "discount,desc", "email", "createdAt,desc")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Map<String, Object> page = cursor == null
                        ? staff.json("/api/v1/customers?q=horak&limit=4&sort={s}", sort)
                        : staff.json("/api/v1/customers?q=horak&limit=4&sort={s}&cursor={c}", sort, cursor);
                seen.addAll(ids(rows(page)));
                cursor = (String) page.get("nextCursor");
            } while (cursor != null);
            assertThat(seen).as(sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
        }
        assertThat(lastNames(search("q", "horak", "sort", "name,desc"))).startsWith("Horáková").endsWith("Horák");
    }

    @Test
    void aPageOfAFilteredSortedListStartsRightAfterTheCursor() {
        for (int i = 0; i < 12; i++) {
            staff.create(with(named("Ola", "Hot" + (char) ('a' + i)), "temperature", i % 2 == 0 ? "HOT" : "COLD"));
        }
        Map<String, Object> first = staff.json("/api/v1/customers?temperature=HOT&sort=name,desc&limit=4");
        Map<String, Object> second = staff.json("/api/v1/customers?temperature=HOT&sort=name,desc&limit=4&cursor={c}",
                first.get("nextCursor"));

        assertThat(lastNames(rows(first))).containsExactly("Hotk", "Hoti", "Hotg", "Hote");
        assertThat(lastNames(rows(second))).containsExactly("Hotc", "Hota");
        assertThat(second.get("nextCursor")).isNull();
        assertThat(second.get("sort")).isEqualTo("name,desc");
    }

    private <T extends Comparable<T>> void assertSorted(String sort, Function<Map<String, Object>, T> key) {
        List<T> ascending = rows(staff.json("/api/v1/customers?sort={s}", sort)).stream().map(key).toList();
        List<T> descending = rows(staff.json("/api/v1/customers?sort={s},desc", sort)).stream().map(key).toList();
        assertThat(ascending).as(sort).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(descending).as(sort + ",desc").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ascending).as(sort).hasSize(4);
    }

    private void assertNullsLast(String sort, Function<Map<String, Object>, String> key) {
        List<String> ascending = rows(staff.json("/api/v1/customers?sort={s}", sort)).stream().map(key).toList();
        List<String> present = ascending.stream().filter(v -> v != null).toList();
        assertThat(ascending.subList(0, present.size())).as(sort).isEqualTo(present).isSorted();
        assertThat(ascending.subList(present.size(), ascending.size())).as(sort).containsOnlyNulls();
    }

    private List<Map<String, Object>> search(String... parameters) {
        StringBuilder uri = new StringBuilder("/api/v1/customers?limit=200");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < parameters.length; i += 2) {
            uri.append('&').append(parameters[i]).append("={v").append(i).append('}');
            values.add(parameters[i + 1]);
        }
        return rows(staff.json(uri.toString(), values.toArray()));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (String) row.get("id")).toList();
    }

    private static List<String> lastNames(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (String) row.get("lastName")).toList();
    }
}
