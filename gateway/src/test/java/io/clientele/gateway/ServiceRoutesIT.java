package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** G-1: every API that exists reaches the service that answers it, intact; nothing else reaches any service. */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceRoutesIT {

    static final RecordingUpstream customerService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"customer-service\"}");
    static final RecordingUpstream communicationService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"communication-service\"}");

    @DynamicPropertySource
    static void routeToTheStandIns(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.communication-url", communicationService::url);
    }

    @AfterAll
    static void stopTheStandIns() {
        customerService.close();
        communicationService.close();
    }

    @LocalServerPort
    int port;

    final String staffToken = TestTokens.staff(java.util.UUID.randomUUID());

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl(gateway()).build();
        customerService.forget();
        communicationService.forget();
    }

    @Test
    void aCustomerRequestReachesCustomerServiceIntactAndItsAnswerComesBack() throws InterruptedException {
        // A URI, not a template: the client must send the encoded query exactly as written here.
        client.get().uri(URI.create(gateway() + "/api/v1/customers/123?search=J%C3%BCrgen%20K&page=2"))
                .header("Authorization", "Bearer " + staffToken)
                .exchange()
                .expectStatus().isEqualTo(202)
                .expectBody().json("{\"answeredBy\":\"customer-service\"}");

        RecordingUpstream.Received request = customerService.next();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getRawPath()).isEqualTo("/api/v1/customers/123");
        assertThat(request.uri().getRawQuery()).isEqualTo("search=J%C3%BCrgen%20K&page=2");
        assertThat(request.authorization()).isEqualTo("Bearer " + staffToken);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/customers, customer",
            "/api/v1/customers/lookup, customer",
            "/api/v1/customers/7/timeline, customer",
            "/api/v1/customers/7/notes, customer",
            "/api/v1/customers/7/reservations, customer",
            "/api/v1/groups, customer",
            "/api/v1/groups/7/members, customer",
            "/api/v1/custom-fields, customer",
            "/api/v1/custom-fields/vip, customer",
            "/api/v1/customer-settings, customer",
            "/api/v1/imports, customer",
            "/api/v1/imports/7/rejections.csv, customer",
            "/api/v1/booking/events, customer",
            "/api/v1/booking/eligibility, customer",
            "/api/v1/preferences/7, communication",
            "/api/v1/preferences/7/consents/export, communication",
            "/api/v1/consents/export, communication",
            "/api/v1/messages, communication",
            "/api/v1/messages/7/why, communication",
            "/api/v1/templates, communication",
            "/api/v1/templates/reminder/preview, communication",
            "/api/v1/communication-settings, communication",
            "/u/u1.signed-token, communication"})
    void everyApiIsRoutedToTheServiceThatAnswersIt(String path, String service) throws InterruptedException {
        client.get().uri(path).exchange().expectStatus().isEqualTo(202)
                .expectBody().json("{\"answeredBy\":\"" + service + "-service\"}");

        RecordingUpstream target = service.equals("customer") ? customerService : communicationService;
        RecordingUpstream other = service.equals("customer") ? communicationService : customerService;
        assertThat(target.next().uri().getRawPath()).isEqualTo(path);
        assertThat(other.pending()).isEmpty();
    }

    @Test
    void anUnsubscribeFormPostReachesCommunicationServiceWithoutAToken() throws InterruptedException {
        client.post().uri("/u/u1.signed-token").header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("List-Unsubscribe=One-Click").exchange().expectStatus().isEqualTo(202);

        RecordingUpstream.Received request = communicationService.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/no-such-things/123", "/api/v1/customers-export", "/api/v1/messagesx",
            "/api/v1/preferencesx", "/unsubscribe", "/actuator/env"})
    void anUnknownPathAnswers404AndReachesNoService(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound();

        assertThat(customerService.pending()).isEmpty();
        assertThat(communicationService.pending()).isEmpty();
    }

    private String gateway() {
        return "http://localhost:" + port;
    }
}
