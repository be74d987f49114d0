package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * C-12 at the gateway: the export assembles every service's part, with the caller's token, and is whole or
 * not given: a part missing (slow, failing) is a 503 naming the service; customer-service's 404 is a 404.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.export.timeout=1s", "clientele.export.retry-after=45s"})
class CustomerExportIT {

    static final String CUSTOMER = "0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10";
    static final String WORKSPACE = "5e1f0000-0000-4000-8000-000000000001";
    static final String CUSTOMER_PART = "{\"service\": \"customer-service\", \"workspaceId\": \"" + WORKSPACE
            + "\", \"sections\": {\"profile\": {\"firstName\": \"Jana\"}}}";
    static final String COMMUNICATION_PART = "{\"service\": \"communication-service\", \"workspaceId\": \"" + WORKSPACE
            + "\", \"sections\": {\"messages\": [{\"title\": \"Reminder\"}]}}";

    static final String ORDER_LINK_PART = "{\"service\": \"order-link-service\", \"workspaceId\": \"" + WORKSPACE
            + "\", \"sections\": {\"orders\": [{\"number\": 17}]}}";

    static final String SCENARIO_PART = "{\"service\": \"scenario-service\", \"workspaceId\": \"" + WORKSPACE
            + "\", \"sections\": {\"enrollments\": [{\"scenarioName\": \"Reservation reminder\"}]}}";

    static final RecordingUpstream customerService = RecordingUpstream.answering(200, CUSTOMER_PART);
    static final RecordingUpstream communicationService = RecordingUpstream.answering(200, COMMUNICATION_PART);
    static final RecordingUpstream orderLinkService = RecordingUpstream.answering(200, ORDER_LINK_PART);
    static final RecordingUpstream scenarioService = RecordingUpstream.answering(200, SCENARIO_PART);

    @DynamicPropertySource
    static void partsFromTheStandIns(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.communication-url", communicationService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
        properties.add("clientele.services.scenario-url", scenarioService::url);
    }

    @AfterAll
    static void stopTheStandIns() {
        customerService.close();
        communicationService.close();
        orderLinkService.close();
        scenarioService.close();
    }

    @LocalServerPort
    int port;

    static final String STAFF_TOKEN = TestTokens.staff(java.util.UUID.fromString(WORKSPACE));
    static final String PARTNER_TOKEN = TestTokens.partner(java.util.UUID.fromString(WORKSPACE));

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
                .build();
        customerService.answer(200, CUSTOMER_PART).forget();
        communicationService.answer(200, COMMUNICATION_PART).forget();
        orderLinkService.answer(200, ORDER_LINK_PART).forget();
        scenarioService.answer(200, SCENARIO_PART).forget();
    }

    @Test
    void theExportIsOneDocumentWithEveryServicesPartAskedWithTheCallersToken() throws InterruptedException {
        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).header("Authorization", "Bearer " + STAFF_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"customer-" + CUSTOMER
                        + "-export.json\"")
                .expectBody()
                .jsonPath("$.customerId").isEqualTo(CUSTOMER)
                .jsonPath("$.workspaceId").isEqualTo(WORKSPACE)
                .jsonPath("$.exportedAt").isNotEmpty()
                .jsonPath("$.parts.customer-service.sections.profile.firstName").isEqualTo("Jana")
                .jsonPath("$.parts.communication-service.sections.messages[0].title").isEqualTo("Reminder")
                .jsonPath("$.parts.order-link-service.sections.orders[0].number").isEqualTo(17)
                .jsonPath("$.parts.scenario-service.sections.enrollments[0].scenarioName")
                .isEqualTo("Reservation reminder");

        for (RecordingUpstream service : List.of(customerService, communicationService, orderLinkService)) {
            RecordingUpstream.Received request = service.next();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.uri().getRawPath()).isEqualTo("/api/v1/exports/customers/" + CUSTOMER);
            assertThat(request.authorization()).isEqualTo("Bearer " + STAFF_TOKEN);
            assertThat(service.pending()).isEmpty();
        }
    }

    @Test
    void aSlowPartMakesThe503NameTheServiceAndSayWhenToTryAgain() {
        communicationService.answer(200, "application/json", COMMUNICATION_PART, Duration.ofSeconds(3));

        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "45")
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/export-unavailable")
                .jsonPath("$.unavailable").isEqualTo(List.of("communication-service"))
                .jsonPath("$.reasons.communication-service").isEqualTo("did not answer within 1000 ms")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("communication-service"));
    }

    @Test
    void aFailingPartMakesThe503NameThatService() {
        customerService.answer(500, "{\"title\": \"Internal error\"}");

        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.unavailable").isEqualTo(List.of("customer-service"))
                .jsonPath("$.reasons.customer-service").isEqualTo("answered 500");
    }

    @Test
    void aServiceThatDoesNotKnowTheExportMakesItUnavailableNotIncomplete() {
        communicationService.answer(404, "{\"title\": \"Not found\"}");

        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.unavailable").isEqualTo(List.of("communication-service"));
    }

    @Test
    void customerServiceSaying404MeansNoSuchCustomer() {
        String notFound = "{\"type\": \"https://clientele.io/problems/not-found\", \"status\": 404}";
        customerService.answer(404, "application/problem+json", notFound, Duration.ZERO);
        communicationService.answer(500, "{}");

        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().json(notFound);
    }

    @Test
    void aRefusedTokenIsTheAnswerWhateverElseHappened() {
        String forbidden = "{\"type\": \"https://clientele.io/problems/forbidden\", \"status\": 403}";
        communicationService.answer(403, "application/problem+json", forbidden, Duration.ZERO);
        customerService.answer(500, "{}");

        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).header("Authorization", "Bearer " + PARTNER_TOKEN)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().json(forbidden);
    }

    @Test
    void theExportIsAnsweredHereNotRoutedToCustomerServiceAsAnyOtherCustomerPath() throws InterruptedException {
        client.get().uri("/api/v1/customers/{id}/export", CUSTOMER).exchange().expectStatus().isOk();

        assertThat(customerService.next().uri().getRawPath()).isEqualTo("/api/v1/exports/customers/" + CUSTOMER);
        assertThat(customerService.pending()).isEmpty();
        client.get().uri("/api/v1/exports/customers/{id}", CUSTOMER).exchange().expectStatus().isNotFound();
        assertThat(customerService.pending()).isEmpty();
        assertThat(communicationService.next().uri().getRawPath()).isEqualTo("/api/v1/exports/customers/" + CUSTOMER);
        assertThat(communicationService.pending()).isEmpty();
    }
}
