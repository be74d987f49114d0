package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.fuzz.RawHttp;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * G-3: a slow service times out as a 504 naming it; a failing one opens its circuit breaker (503 naming it,
 * without calling it) until it answers again; only reads are retried; bodies too large are refused, with a
 * larger allowance for import files. Small windows and timeouts, so that it all takes seconds.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.gateway.timeouts.staff-api-millis=800",
        "clientele.gateway.breaker.sliding-window-size=4", "clientele.gateway.breaker.minimum-calls=4",
        "clientele.gateway.breaker.failure-rate-threshold=50", "clientele.gateway.breaker.wait-in-open=2s",
        "clientele.gateway.breaker.calls-in-half-open=1",
        "clientele.gateway.request-size.json=1KB", "clientele.gateway.request-size.catalog-imports=4KB"})
class ResilienceIT {

    /** customer-service's address, where nothing answers until the test brings it (back) up. */
    static final int customerPort = freePort();
    static final RecordingUpstream scenarioService = RecordingUpstream.answering(200, "{}");
    static final RecordingUpstream communicationService = RecordingUpstream.answering(503, "{}");
    static final RecordingUpstream orderLinkService = RecordingUpstream.answering(201, "{}");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", () -> "http://127.0.0.1:" + customerPort);
        properties.add("clientele.services.scenario-url", scenarioService::url);
        properties.add("clientele.services.communication-url", communicationService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
    }

    @AfterAll
    static void stop() {
        scenarioService.close();
        communicationService.close();
        orderLinkService.close();
    }

    @LocalServerPort
    int port;

    final String token = TestTokens.staff(UUID.randomUUID());

    @BeforeEach
    void forget() {
        scenarioService.forget();
        communicationService.forget();
        orderLinkService.forget();
    }

    @Test
    void aServiceSlowerThanItsRouteTimeoutIsA504NamingItAndTheReadIsNotRepeated() throws InterruptedException {
        scenarioService.answer(200, "application/json", "{}", Duration.ofSeconds(3));

        long started = System.nanoTime();
        JsonNode problem = ProblemAnswersIT.problem(send("GET", "/api/v1/scenarios", null), 504);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(problem.path("detail").asString()).isEqualTo("scenario-service did not answer in time");
        scenarioService.next();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(scenarioService.pending()).as("a timed-out read is not sent again").isEmpty());
    }

    @Test
    void aFailingServiceOpensItsBreakerAnswering503WithoutCallingItUntilItAnswersAgain() throws Exception {
        // four calls while customer-service is down: all fail, the breaker opens
        for (int i = 0; i < 4; i++) {
            JsonNode down = ProblemAnswersIT.problem(send("POST", "/api/v1/customers", "{}"), 503);
            assertThat(down.path("detail").asString()).startsWith("customer-service is unavailable");
        }
        try (RecordingUpstream customerService = RecordingUpstream.answeringOn(customerPort, 200, "{\"back\":true}")) {
            RawHttp.Response open = send("GET", "/api/v1/customers/7", null);

            JsonNode problem = ProblemAnswersIT.problem(open, 503);
            assertThat(problem.path("detail").asString()).isEqualTo("customer-service is unavailable; try again after 2 s");
            assertThat(open.header("Retry-After")).isEqualTo("2");
            assertThat(customerService.pending()).as("an open breaker calls nobody").isEmpty();

            // after the wait one trial call goes through; it succeeds and the breaker closes (while the breaker is
            // still open the calls are answered 503 without reaching the service)
            await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                    .until(() -> send("GET", "/api/v1/customers/7", null).status() == 200);
            assertThat(send("GET", "/api/v1/customers/8", null).status()).isEqualTo(200);
            assertThat(customerService.next().uri().getPath()).isEqualTo("/api/v1/customers/7");
            assertThat(customerService.next().uri().getPath()).isEqualTo("/api/v1/customers/8");
        }
    }

    @Test
    void manyCallsAtOnceToAHealthyButUnhurriedServiceAllGoThrough() throws Exception {
        // Spring Cloud CircuitBreaker's default bulkhead refused the 26th concurrent call with a 500 and
        // counted it against the service, which then looked down under mere load
        scenarioService.answer(200, "application/json", "{}", Duration.ofMillis(400));
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                answers.add(callers.submit(() -> send("GET", "/api/v1/scenarios/" + UUID.randomUUID(), null)));
            }
        }

        for (Future<RawHttp.Response> answer : answers) {
            assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(200);
        }
    }

    @Test
    void aReadAnswered503IsRetriedAWriteNever() throws InterruptedException {
        assertThat(send("POST", "/api/v1/messages", "{}").status()).isEqualTo(503);
        communicationService.next();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(communicationService.pending()).as("a POST is sent once").isEmpty());

        assertThat(send("GET", "/api/v1/messages", null).status()).isEqualTo(503);
        for (int i = 0; i < 3; i++) {
            assertThat(communicationService.next().method()).isEqualTo("GET");
        }
    }

    @Test
    void aReadAnswered500IsNotRetriedEither() throws InterruptedException {
        communicationService.answer(500, "{}");
        try {
            assertThat(send("GET", "/api/v1/templates", null).status()).isEqualTo(500);
            communicationService.next();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(communicationService.pending()).as("a bug does not heal by asking again").isEmpty());
        } finally {
            communicationService.answer(503, "{}");
        }
    }

    @Test
    void aBodyLargerThanTheRouteAllowsIs413AndAnImportFileMayBeLarger() {
        String twoKilobytes = "{\"name\":\"" + "x".repeat(2048) + "\"}";

        JsonNode problem = ProblemAnswersIT.problem(send("POST", "/api/v1/products", twoKilobytes), 413);
        assertThat(problem.path("detail").asString()).contains("permissible limit");
        assertThat(send("POST", "/api/v1/catalog/imports", twoKilobytes).status()).isEqualTo(201);
        ProblemAnswersIT.problem(send("POST", "/api/v1/catalog/imports", "x".repeat(5000)), 413);
        assertThat(orderLinkService.pending()).hasSize(1);
    }

    private RawHttp.Response send(String method, String target, String json) {
        Map<String, String> headers = json == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        return RawHttp.send(port, method, target, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
