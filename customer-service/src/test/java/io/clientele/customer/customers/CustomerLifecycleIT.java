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

@CustomerServiceIT
class CustomerLifecycleIT {

    @LocalServerPort
    int port;

    Api staff;

    @BeforeEach
    void workspace() {
        staff = Api.staff(port, UUID.randomUUID());
    }

    @Test
    void aCreatedCustomerCanBeReadBackWithNormalisedPhone() {
        Map<String, Object> jana = with(with(aCustomer(), "phone", "777 123 456"), "preferredLanguage", "cs");

        UUID id = staff.create(jana);

        staff.get("/api/v1/customers/{id}", id).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("Jana Nováková")
                .jsonPath("$.phone").isEqualTo("+420777123456")
                .jsonPath("$.status").isEqualTo("NEW")
                .jsonPath("$.stage").isEqualTo("CURRENT")
                .jsonPath("$.source").isEqualTo("MANUAL")
                .jsonPath("$.synced").isEqualTo(false)
                .jsonPath("$.subscriptionState").isEqualTo("UNSUBSCRIBED")
                .jsonPath("$.contactState").isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void marketingConsentAtCreationSubscribes() {
        UUID id = staff.create(with(aCustomer(), "marketingConsent", true));

        staff.get("/api/v1/customers/{id}", id).expectBody().jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED");
    }

    @Test
    void everyFieldOfTheRecordIsKept() {
        Map<String, Object> full = aCustomer();
        full.put("companyName", "Salon Lilie s.r.o.");
        full.put("birthDate", "1988-04-12");
        full.put("gender", "FEMALE");
        full.put("address", Map.of("street", "Vinohradská 12", "city", "Praha", "postalCode", "120 00", "country", "cz"));
        full.put("vatId", "CZ12345678");
        full.put("preferredLanguage", "en-gb");
        full.put("preferredCurrency", "eur");
        full.put("discountPercent", 12.5);
        full.put("customerType", "REGISTERED");
        full.put("stage", "POTENTIAL");
        full.put("temperature", "HOT");
        full.put("source", "API");

        UUID id = staff.create(full);

        staff.get("/api/v1/customers/{id}", id).expectBody()
                .jsonPath("$.displayName").isEqualTo("Salon Lilie s.r.o. (Jana Nováková)")
                .jsonPath("$.birthDate").isEqualTo("1988-04-12")
                .jsonPath("$.address.country").isEqualTo("CZ")
                .jsonPath("$.address.postalCode").isEqualTo("120 00")
                .jsonPath("$.preferredLanguage").isEqualTo("en-GB")
                .jsonPath("$.preferredCurrency").isEqualTo("EUR")
                .jsonPath("$.discountPercent").isEqualTo(12.5)
                .jsonPath("$.customerType").isEqualTo("REGISTERED")
                .jsonPath("$.stage").isEqualTo("POTENTIAL")
                .jsonPath("$.temperature").isEqualTo("HOT")
                .jsonPath("$.source").isEqualTo("API")
                .jsonPath("$.vatId").isEqualTo("CZ12345678");
    }

    @Test
    void aCompanyNeedsNoPersonalName() {
        UUID id = staff.create(Map.of("companyName", "Pekárna U Mlýna"));

        staff.get("/api/v1/customers/{id}", id).expectBody().jsonPath("$.displayName").isEqualTo("Pekárna U Mlýna");
    }

    @Test
    void editingReplacesTheEditableFieldsAndBumpsTheVersion() {
        UUID id = staff.create(aCustomer());
        Map<String, Object> edited = with(with(aCustomer(), "lastName", "Dvořáková"), "temperature", "WARM");

        staff.put("/api/v1/customers/{id}", edited, id).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.lastName").isEqualTo("Dvořáková")
                .jsonPath("$.temperature").isEqualTo("WARM")
                .jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void anEditThatChangesNothingKeepsTheVersion() {
        Map<String, Object> jana = aCustomer();
        UUID id = staff.create(jana);

        staff.put("/api/v1/customers/{id}", jana, id).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void statusChangesAreKeptInTheHistoryWithWhoAndWhen() {
        UUID id = staff.create(aCustomer());

        staff.post("/api/v1/customers/{id}/status", Map.of("status", "PROBLEMATIC", "reason", "no-show twice"), id)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PROBLEMATIC");
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "BLOCKED"), id).expectStatus().isOk();
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "BLOCKED"), id).expectStatus().isOk();

        staff.get("/api/v1/customers/{id}/status-history", id).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].from").isEqualTo("PROBLEMATIC")
                .jsonPath("$[0].to").isEqualTo("BLOCKED")
                .jsonPath("$[1].to").isEqualTo("PROBLEMATIC")
                .jsonPath("$[1].reason").isEqualTo("no-show twice")
                .jsonPath("$[1].changedBy").value(String.class, by -> assertThat(by).startsWith("staff-"))
                .jsonPath("$[2].from").doesNotExist()
                .jsonPath("$[2].to").isEqualTo("NEW");
    }

    @Test
    void lookupFindsByEmailCaseInsensitivelyAndByPhoneAsTyped() {
        Map<String, Object> jana = with(with(aCustomer(), "email", "Jana.Lookup@Example.cz"), "phone", "+420 602 111 222");
        UUID id = staff.create(jana);

        staff.get("/api/v1/customers/lookup?email={e}", "jana.lookup@example.CZ").expectStatus().isOk().expectBody()
                .jsonPath("$.matches[0].id").isEqualTo(id.toString());
        staff.get("/api/v1/customers/lookup?phone={p}", "602111222").expectStatus().isOk().expectBody()
                .jsonPath("$.matches.length()").isEqualTo(1)
                .jsonPath("$.matches[0].id").isEqualTo(id.toString());
    }

    @Test
    void lookupWithoutMatchOffersAPrefilledNewCustomer() {
        staff.get("/api/v1/customers/lookup?email={e}&phone={p}", "nobody@example.cz", "(+420) 603-000-111")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.matches.length()").isEqualTo(0)
                .jsonPath("$.prefill.email").isEqualTo("nobody@example.cz")
                .jsonPath("$.prefill.phone").isEqualTo("+420603000111");
    }

    @Test
    void erasureRemovesTheRecordAndLeavesOnlyTheFactBehind() {
        UUID id = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "likes tea"), id).expectStatus().isCreated();

        staff.delete("/api/v1/customers/{id}", id).expectStatus().isNoContent();

        staff.get("/api/v1/customers/{id}", id).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/customer-erased")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).doesNotContain("Jana"));
        staff.get("/api/v1/customers/{id}/notes", id).expectStatus().isEqualTo(410);
        staff.delete("/api/v1/customers/{id}", id).expectStatus().isEqualTo(410);
    }

    @Test
    void anErasedCustomersEmailCanBeUsedAgain() {
        Map<String, Object> jana = aCustomer();
        UUID id = staff.create(jana);
        staff.delete("/api/v1/customers/{id}", id).expectStatus().isNoContent();

        staff.post("/api/v1/customers", jana).expectStatus().isCreated();
    }

    @Test
    void theApiDocumentIsServed() {
        Api.anonymous(port).get("/v3/api-docs").expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/customers'].get").exists()
                .jsonPath("$.paths['/api/v1/customers/{id}'].put").exists()
                .jsonPath("$.components.securitySchemes.bearer").exists()
                // relative, so the gateway's Swagger UI (G-4) sends "Try it out" through the gateway
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.paths['/api/v1/customers'].get.parameters[*].name").value(List.class,
                        names -> assertThat(names).contains("q", "status", "sort", "cursor").doesNotContain("actor"));
    }
}
