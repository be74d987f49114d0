package io.clientele.customer.customers;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** Every bad input is answered with a problem document naming what is wrong, and nothing is written. */
@CustomerServiceIT
class BadInputIT {

    @LocalServerPort
    int port;

    UUID workspace;
    Api staff;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
    }

    @Test
    void anInvalidPhoneIsAFieldError() {
        staff.post("/api/v1/customers", with(aCustomer(), "phone", "12")).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("phone")
                .jsonPath("$.errors[0].code").isEqualTo("phone");
        assertNothingWritten();
    }

    @Test
    void anInvalidEmailIsAFieldError() {
        staff.post("/api/v1/customers", with(aCustomer(), "email", "jana@nowhere")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void aCustomerNeedsAName() {
        staff.post("/api/v1/customers", Map.of("email", "anon@example.cz", "firstName", "  ")).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void allInvalidFieldsAreReportedTogether() {
        Map<String, Object> bad = with(with(with(with(aCustomer(), "phone", "abc"), "email", "x"),
                "preferredCurrency", "XYZ"), "preferredLanguage", "!!");

        staff.post("/api/v1/customers", bad).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("phone", "email", "preferredCurrency", "preferredLanguage"));
    }

    @Test
    void aDuplicateEmailInTheSameWorkspaceIsAConflictIgnoringCase() {
        staff.create(with(aCustomer(), "email", "dup@example.cz"));

        staff.post("/api/v1/customers", with(aCustomer(), "email", "DUP@Example.CZ")).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/duplicate-email")
                .jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void theSameEmailIsFineInAnotherWorkspace() {
        staff.create(with(aCustomer(), "email", "shared@example.cz"));

        Api.staff(port, UUID.randomUUID()).post("/api/v1/customers", with(aCustomer(), "email", "shared@example.cz"))
                .expectStatus().isCreated();
    }

    @Test
    void editingIntoAnotherCustomersEmailIsAConflict() {
        staff.create(with(aCustomer(), "email", "taken@example.cz"));
        UUID other = staff.create(aCustomer());

        staff.put("/api/v1/customers/{id}", with(aCustomer(), "email", "taken@example.cz"), other)
                .expectStatus().isEqualTo(409);
    }

    @Test
    void overLongFieldsAreFieldErrors() {
        staff.post("/api/v1/customers", with(with(aCustomer(), "firstName", "J".repeat(101)), "vatId", "C".repeat(33)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("firstName", "vatId"));
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        staff.post("/api/v1/customers", with(aCustomer(), "temperature", "LUKEWARM")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("temperature")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("HOT", "NOT_INTERESTED"));
        UUID id = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "VIP"), id).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        staff.get("/api/v1/customers?status=VIP").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void outOfRangeValuesAreFieldErrors() {
        staff.post("/api/v1/customers", with(with(aCustomer(), "discountPercent", 101), "birthDate", "2999-01-01"))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .containsExactlyInAnyOrder("discountPercent", "birthDate"));
    }

    @Test
    void malformedJsonIsAProblemNotAFailure() {
        staff.request(org.springframework.http.HttpMethod.POST, "/api/v1/customers", "{\"firstName\": \"Jana\",")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/malformed-request");
        staff.post("/api/v1/customers", with(aCustomer(), "birthDate", "12/04/1988")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("birthDate");
        assertNothingWritten();
    }

    @Test
    void consentAndSourceCannotBeChangedByAnEdit() {
        UUID id = staff.create(aCustomer());

        staff.put("/api/v1/customers/{id}", with(with(aCustomer(), "marketingConsent", true), "source", "API"), id)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void onlyStaffSourcesCanBeClaimedOnCreate() {
        staff.post("/api/v1/customers", with(aCustomer(), "source", "BOOKING")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source");
    }

    @Test
    void aStaleEditIsRefusedWith412() {
        UUID id = staff.create(aCustomer());
        staff.put("/api/v1/customers/{id}", with(aCustomer(), "lastName", "První"), id).expectStatus().isOk();

        staff.putIfMatch("/api/v1/customers/{id}", "\"0\"", with(aCustomer(), "lastName", "Druhá"), id)
                .expectStatus().isEqualTo(412);
        staff.get("/api/v1/customers/{id}", id).expectBody().jsonPath("$.lastName").isEqualTo("První");
    }

    @Test
    void listParametersAreChecked() {
        staff.get("/api/v1/customers?limit=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        staff.get("/api/v1/customers?sort=shoeSize").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        staff.get("/api/v1/customers?cursor=bm90LWEtY3Vyc29y").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        staff.get("/api/v1/customers?createdFrom=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("createdFrom");
        staff.get("/api/v1/customers?group=abc").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("group");
    }

    @Test
    void anAlteredCursorIsAFieldErrorNotAFailure() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sort\":\"createdAt\",\"descending\":false,\"keys\":[\"half past never\"],\"id\":\""
                        + UUID.randomUUID() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        staff.get("/api/v1/customers?sort=createdAt&cursor={c}", forged).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        staff.get("/api/v1/customers?q={q}", "x".repeat(201)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    @Test
    void aCursorOfAnotherSortIsRefused() {
        staff.create(aCustomer());
        staff.create(aCustomer());
        String cursor = (String) staff.json("/api/v1/customers?limit=1&sort=email").get("nextCursor");

        staff.get("/api/v1/customers?sort=name&cursor={c}", cursor).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void lookupNeedsSomethingToLookFor() {
        staff.get("/api/v1/customers/lookup").expectStatus().isBadRequest();
        staff.get("/api/v1/customers/lookup?phone=12").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
    }

    @Test
    void aPartnerTokenCannotReachStaffEndpoints() {
        Api partner = Api.withToken(port, io.clientele.testkit.tokens.TestTokens.partner(UUID.randomUUID()));
        partner.get("/api/v1/customers").expectStatus().isForbidden();
        partner.post("/api/v1/customers", aCustomer()).expectStatus().isForbidden();
        Api.anonymous(port).get("/api/v1/customers").expectStatus().isUnauthorized();
    }

    @Test
    void aValueOfAnotherTypeIsA400NamingTheFieldNeverCoerced() {
        staff.post("/api/v1/customers", with(aCustomer(), "firstName", true)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("firstName");
        assertNothingWritten();
        UUID id = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/status", Map.of("status", 3), id).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        Api.owner(port, workspace).put("/api/v1/customer-settings", Map.of("regularThreshold", 1.5,
                "defaultCountry", "CZ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("regularThreshold");
    }

    @Test
    void aNulInAStringIsA400NamingTheFieldNotAConflict() {
        staff.post("/api/v1/customers", with(aCustomer(), "lastName", "Nov\u0000áková")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lastName")
                .jsonPath("$.errors[0].code").isEqualTo("character");
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        staff.get("/api/v1/customers").expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}
