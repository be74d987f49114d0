package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerServiceRoutesIT {

    static final RecordingUpstream customerService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"customer-service\"}");

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
    }

    @AfterAll
    static void stopTheStandIn() {
        customerService.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl(gateway()).build();
        customerService.forget();
    }

    @Test
    void aCustomerRequestReachesCustomerServiceIntactAndItsAnswerComesBack() throws InterruptedException {
        // A URI, not a template: the client must send the encoded query exactly as written here.
        client.get().uri(URI.create(gateway() + "/api/v1/customers/123?search=J%C3%BCrgen%20K&page=2"))
                .header("Authorization", "Bearer some.signed.token")
                .exchange()
                .expectStatus().isEqualTo(202)
                .expectBody().json("{\"answeredBy\":\"customer-service\"}");

        RecordingUpstream.Received request = customerService.next();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getRawPath()).isEqualTo("/api/v1/customers/123");
        assertThat(request.uri().getRawQuery()).isEqualTo("search=J%C3%BCrgen%20K&page=2");
        assertThat(request.authorization()).isEqualTo("Bearer some.signed.token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/customers", "/api/v1/groups/7", "/api/v1/custom-fields/3/options",
            "/api/v1/customer-settings"})
    void everyCustomerServicePathIsRoutedToCustomerService(String path) throws InterruptedException {
        client.get().uri(path).exchange().expectStatus().isEqualTo(202);

        assertThat(customerService.next().uri().getRawPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/no-such-things/123", "/api/v1/customers-export"})
    void anUnknownPathAnswers404AndReachesNoService(String path) {
        client.get().uri(path).exchange().expectStatus().isNotFound();

        assertThat(customerService.pending()).isEmpty();
    }

    private String gateway() {
        return "http://localhost:" + port;
    }
}
