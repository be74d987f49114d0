package io.clientele.communication.export;

import static io.clientele.communication.CustomerEvents.aCustomer;

import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.tokens.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C-12: communication-service's part of the export, as the gateway asks for it. */
@CommunicationIT
class ExportIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void thePartHoldsTheContactThePreferencesTheConsentRecordAndEveryMessageWithWhy() {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        CustomerEvents.Customer jana = aCustomer();
        try (CustomerEvents customers = new CustomerEvents(bootstrap, workspace)) {
            customers.created(jana, true, "STAFF");
        }
        CustomerEvents.awaitKnown(staff, jana.id());
        String message = (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "content", Map.of("subject", "Hello", "text", "See you on Friday"))).get("id");

        staff.get("/api/v1/exports/customers/{id}", jana.id()).expectStatus().isOk().expectBody()
                .jsonPath("$.service").isEqualTo("communication-service")
                .jsonPath("$.customerId").isEqualTo(jana.id().toString())
                .jsonPath("$.workspaceId").isEqualTo(workspace.toString())
                .jsonPath("$.sections.contact.email").isEqualTo(jana.email())
                .jsonPath("$.sections.preferences.subscriptionState").isEqualTo("SUBSCRIBED")
                .jsonPath("$.sections.consents[0].source").isEqualTo("STAFF")
                .jsonPath("$.sections.messages[0].id").isEqualTo(message)
                .jsonPath("$.sections.messages[0].request.inline.text").isEqualTo("See you on Friday")
                .jsonPath("$.sections.messages[0].why.answer").isNotEmpty()
                .jsonPath("$.sections.messages[0].why.decisions[0].outcome").isEqualTo("PLANNED");
    }

    @Test
    void aCustomerThisServiceNeverHeardOfHasEmptySectionsNot404() {
        Api.staff(port, UUID.randomUUID()).get("/api/v1/exports/customers/{id}", UUID.randomUUID()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sections.contact").isEmpty()
                .jsonPath("$.sections.preferences").isEmpty()
                .jsonPath("$.sections.consents").isEmpty()
                .jsonPath("$.sections.messages").isEmpty();
    }

    @Test
    void onlyStaffMayExport() {
        UUID workspace = UUID.randomUUID();
        Api.withToken(port, TestTokens.partner(workspace)).get("/api/v1/exports/customers/{id}", UUID.randomUUID())
                .expectStatus().isForbidden();
        Api.anonymous(port).get("/api/v1/exports/customers/{id}", UUID.randomUUID()).expectStatus().isUnauthorized();
    }
}
