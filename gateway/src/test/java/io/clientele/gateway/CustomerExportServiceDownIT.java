package io.clientele.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import io.clientele.testkit.spring.UseTestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** C-12 at the gateway: a service that is down (nothing listens) makes the export a 503 naming it. */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerExportServiceDownIT {

    static final String EMPTY_PART = "{\"workspaceId\": \"5e1f0000-0000-4000-8000-000000000001\", \"sections\": {}}";
    static final RecordingUpstream customerService = RecordingUpstream.answering(200, EMPTY_PART);
    // every other part answers, so the one down is the only one named
    static final RecordingUpstream orderLinkService = RecordingUpstream.answering(200, EMPTY_PART);
    static final RecordingUpstream scenarioService = RecordingUpstream.answering(200, EMPTY_PART);

    @DynamicPropertySource
    static void communicationServiceIsDown(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
        properties.add("clientele.services.scenario-url", scenarioService::url);
        properties.add("clientele.services.communication-url", () -> "http://127.0.0.1:" + aPortNobodyListensOn());
    }

    @AfterAll
    static void stopTheStandIn() {
        customerService.close();
        orderLinkService.close();
        scenarioService.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aServiceThatIsDownMakesThe503NameIt() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/v1/customers/0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10/export").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.unavailable").isEqualTo(List.of("communication-service"))
                .jsonPath("$.reasons.communication-service").isEqualTo("could not be reached");
    }

    private static int aPortNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
