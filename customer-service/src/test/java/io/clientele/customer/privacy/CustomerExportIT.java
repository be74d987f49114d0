package io.clientele.customer.privacy;

import static io.clientele.customer.CustomerMother.aCustomer;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.testkit.tokens.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C-12: customer-service's part of the export, as the gateway asks for it. */
@CustomerServiceIT
class CustomerExportIT {

    @LocalServerPort
    int port;

    @Test
    void thePartListsEverySectionUnderStableNames() {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        UUID customer = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "Prefers mornings"), customer).expectStatus()
                .isCreated();

        staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk().expectBody()
                .jsonPath("$.service").isEqualTo("customer-service")
                .jsonPath("$.customerId").isEqualTo(customer.toString())
                .jsonPath("$.workspaceId").isEqualTo(workspace.toString())
                .jsonPath("$.exportedAt").isNotEmpty()
                .jsonPath("$.sections.profile.email").isEqualTo(staff.json("/api/v1/customers/{id}", customer)
                        .get("email"))
                .jsonPath("$.sections.notes[0].text").isEqualTo("Prefers mornings")
                .jsonPath("$.sections.statusHistory[0].to").isEqualTo("NEW")
                .jsonPath("$.sections.timeline.past[0].type").isNotEmpty()
                .jsonPath("$.sections.groups").isArray()
                .jsonPath("$.sections.reservations").isArray()
                .jsonPath("$.sections.partnerIdentities").isArray()
                .jsonPath("$.sections.imports").isArray()
                .jsonPath("$.sections.importTraces.rejectedRows").isArray()
                .jsonPath("$.sections.importTraces.failures").isArray();
    }

    @Test
    void anUnknownCustomerIs404AnotherWorkspacesToo() {
        UUID customer = Api.staff(port, UUID.randomUUID()).create(aCustomer());

        Api.staff(port, UUID.randomUUID()).get("/api/v1/exports/customers/{id}", customer).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
        Api.staff(port, UUID.randomUUID()).get("/api/v1/exports/customers/{id}", UUID.randomUUID()).expectStatus()
                .isNotFound();
    }

    @Test
    void anErasedCustomerIs410() {
        Api staff = Api.staff(port, UUID.randomUUID());
        UUID customer = staff.create(aCustomer());
        staff.delete("/api/v1/customers/{id}", customer).expectStatus().isNoContent();

        staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/customer-erased");
    }

    @Test
    void onlyStaffMayExportAndAnIdThatIsNoUuidIs400() {
        UUID workspace = UUID.randomUUID();
        UUID customer = Api.staff(port, workspace).create(aCustomer());

        Api.withToken(port, TestTokens.partner(workspace)).get("/api/v1/exports/customers/{id}", customer)
                .expectStatus().isForbidden();
        Api.anonymous(port).get("/api/v1/exports/customers/{id}", customer).expectStatus().isUnauthorized();
        Api.staff(port, workspace).get("/api/v1/exports/customers/not-a-uuid").expectStatus().isBadRequest();
    }
}
