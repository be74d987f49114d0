package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.clientele.testkit.spring.UseTestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * order-link-service's routes: its staff API, its paths under a customer (which must win over
 * customer-service's /api/v1/customers/**) and the public quick-order page.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderLinkRoutesIT {

    static final RecordingUpstream customerService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"customer-service\"}");
    static final RecordingUpstream orderLinkService =
            RecordingUpstream.answering(202, "{\"answeredBy\":\"order-link-service\"}");

    @DynamicPropertySource
    static void routeToTheStandIns(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
    }

    @AfterAll
    static void stopTheStandIns() {
        customerService.close();
        orderLinkService.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        customerService.forget();
        orderLinkService.forget();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/products, order-link",
            "/api/v1/products/7, order-link",
            "/api/v1/categories, order-link",
            "/api/v1/categories/7, order-link",
            "/api/v1/catalog/imports, order-link",
            "/api/v1/orders, order-link",
            "/api/v1/orders/7/status, order-link",
            "/api/v1/quick-order-settings, order-link",
            "/api/v1/customers/7/quick-order-link, order-link",
            "/api/v1/customers/7/quick-order-link/regenerate, order-link",
            "/api/v1/customers/7/price-modifiers, order-link",
            "/api/v1/customers/7/price-modifiers/products/9, order-link",
            "/api/v1/customers/7/prices, order-link",
            "/api/v1/customers/7/orders, order-link",
            "/q/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd, order-link",
            "/q/assets/order-page.css, order-link",
            "/api/v1/customers/7, customer",
            "/api/v1/customers/7/status-history, customer",
            "/api/v1/customers/7/timeline, customer",
            "/api/v1/customers/7/quick-order-linkx, customer"})
    void everyPathReachesTheServiceThatAnswersIt(String path, String service) throws InterruptedException {
        client.get().uri(path).exchange().expectStatus().isEqualTo(202)
                .expectBody().json("{\"answeredBy\":\"" + service + "-service\"}");

        RecordingUpstream target = service.equals("customer") ? customerService : orderLinkService;
        RecordingUpstream other = service.equals("customer") ? orderLinkService : customerService;
        assertThat(target.next().uri().getRawPath()).isEqualTo(path);
        assertThat(other.pending()).isEmpty();
    }

    @Test
    void anOrderFormPostReachesThePageWithoutAToken() throws InterruptedException {
        client.post().uri("/q/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("qty_1=2")
                .exchange().expectStatus().isEqualTo(202);

        RecordingUpstream.Received request = orderLinkService.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isNull();
    }
}
