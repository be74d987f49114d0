package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.spring.UseTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * scenario-service's routes: its scenario and enrollment API, and its paths under a customer (which must win over
 * customer-service's /api/v1/customers/**).
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioRoutesIT {

    static final RecordingUpstream customerService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"customer-service\"}");
    static final RecordingUpstream scenarioService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"scenario-service\"}");

    @DynamicPropertySource
    static void routeToTheStandIns(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.scenario-url", scenarioService::url);
    }

    @AfterAll
    static void stopTheStandIns() {
        customerService.close();
        scenarioService.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        customerService.forget();
        scenarioService.forget();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/scenarios, scenario",
            "/api/v1/scenarios/7, scenario",
            "/api/v1/scenarios/7/versions/1, scenario",
            "/api/v1/scenarios/ready-made/reservation-reminder, scenario",
            "/api/v1/enrollments/7/end, scenario",
            "/api/v1/scenarios/7/campaigns, scenario",
            "/api/v1/campaigns/7, scenario",
            "/api/v1/campaigns/7/resume, scenario",
            "/api/v1/customers/7/enrollments, scenario",
            "/api/v1/customers/7/planned-steps, scenario",
            "/api/v1/customers/7, customer",
            "/api/v1/customers/7/timeline, customer",
            "/api/v1/customers/7/enrollmentsx, customer"})
    void everyPathReachesTheServiceThatAnswersIt(String path, String service) throws InterruptedException {
        client.get().uri(path).exchange().expectStatus().isEqualTo(202)
                .expectBody().json("{\"answeredBy\":\"" + service + "-service\"}");

        RecordingUpstream target = service.equals("customer") ? customerService : scenarioService;
        RecordingUpstream other = service.equals("customer") ? scenarioService : customerService;
        assertThat(target.next().uri().getRawPath()).isEqualTo(path);
        assertThat(other.pending()).isEmpty();
    }
}
