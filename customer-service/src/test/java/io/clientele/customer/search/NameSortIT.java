package io.clientele.customer.search;

import static io.clientele.customer.CustomerMother.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C-4: names sort in the workspace's language, page after page. */
@CustomerServiceIT
class NameSortIT {

    @LocalServerPort
    int port;

    /** Each language with last names in its order (the first name is the same for all). */
    static Stream<Arguments> languages() {
        return Stream.of(
                // C < Č, H < Ch < I, R < Ř, S < Š, Z < Ž
                Arguments.of("cs", "Jan", List.of("Cibulka", "Čermák", "Černá", "Hora", "Chalupa", "Ivanka", "Rybář",
                        "Řezníček", "Svoboda", "Šimková", "Zelená", "Žák")),
                // A < Ä; Ď and Ô are D and O with an accent; H < Ch
                Arguments.of("sk", "Ján", List.of("Adam", "Azor", "Äbel", "Dávid", "Ďurica", "Dvorský", "Hudec",
                        "Chovan", "Ivan", "Oravec", "Ôsmy")),
                // the Bulgarian alphabet; a name typed in capitals after the same name typed normally
                Arguments.of("bg", "Мария", List.of("Ангелов", "Борисов", "Иванов", "Йорданов", "Петров", "ПЕТРОВ",
                        "Чавдаров", "Щерев", "Юлиев", "Янков")),
                // root order: accents and case only break ties, lower case and no accent first
                Arguments.of("en", "Anna", List.of("Adams", "Chapman", "Clark", "de Vries", "De Vries", "Eclair",
                        "Éclair", "O'Brien", "Obama", "Zimmer")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void namesSortInTheWorkspaceLanguageThroughEveryPageBothWays(String language, String firstName,
            List<String> ordered) {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        Api.owner(port, workspace).put("/api/v1/customer-settings",
                Map.of("regularThreshold", 2, "defaultCountry", "CZ", "language", language)).expectStatus().isOk();
        // Created last to first: ids (time-ordered) run against the expected order, so that no tie is
        // broken the right way by accident.
        for (String lastName : ordered.reversed()) {
            staff.create(named(firstName, lastName));
        }

        assertThat(walk(staff, "name")).isEqualTo(ordered);
        assertThat(walk(staff, "name,desc")).isEqualTo(ordered.reversed());
    }

    @Test
    void theLanguageIsTheConfiguredDefaultUntilTheOwnerChangesIt() {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        staff.create(named("Jan", "Chalupa"));
        staff.create(named("Jan", "Hora"));
        staff.create(named("Jan", "Cibulka"));

        staff.get("/api/v1/customer-settings").expectBody().jsonPath("$.language").isEqualTo("cs");
        assertThat(walk(staff, "name")).containsExactly("Cibulka", "Hora", "Chalupa");

        Api.owner(port, workspace).put("/api/v1/customer-settings",
                Map.of("regularThreshold", 2, "defaultCountry", "CZ", "language", "en-gb")).expectStatus().isOk()
                .expectBody().jsonPath("$.language").isEqualTo("en-GB");
        assertThat(walk(staff, "name")).containsExactly("Chalupa", "Cibulka", "Hora");
    }

    @Test
    void aCursorFromBeforeTheLanguageChangedIsRefused() {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        for (String lastName : List.of("Chalupa", "Hora", "Cibulka")) {
            staff.create(named("Jan", lastName));
        }
        String cursor = (String) staff.json("/api/v1/customers?sort=name&limit=1").get("nextCursor");
        Api.owner(port, workspace).put("/api/v1/customer-settings",
                Map.of("regularThreshold", 2, "defaultCountry", "CZ", "language", "sk")).expectStatus().isOk();

        staff.get("/api/v1/customers?sort=name&limit=1&cursor={c}", cursor).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void aLanguageThatIsNoLanguageIsRefused() {
        UUID workspace = UUID.randomUUID();

        Api.owner(port, workspace).put("/api/v1/customer-settings",
                Map.of("regularThreshold", 2, "defaultCountry", "CZ", "language", "klingon!")).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("language");
    }

    /** Every last name in the list, read in pages of two. */
    private static List<String> walk(Api staff, String sort) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = cursor == null
                    ? staff.json("/api/v1/customers?limit=2&sort={s}", sort)
                    : staff.json("/api/v1/customers?limit=2&sort={s}&cursor={c}", sort, cursor);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            items.forEach(row -> seen.add((String) row.get("lastName")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return seen;
    }
}
