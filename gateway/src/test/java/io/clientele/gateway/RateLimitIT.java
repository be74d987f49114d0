package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.fuzz.RawHttp;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * G-3: rate limits counted in a real Redis (its own redis-server process), per workspace and per public
 * link; and what happens when Redis goes away: requests pass, at once (README "Gateway protection").
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.gateway.limits.staff-api.replenish-rate=1", "clientele.gateway.limits.staff-api.burst=3",
        "clientele.gateway.limits.public-link.replenish-rate=1", "clientele.gateway.limits.public-link.burst=2",
        "clientele.gateway.limits.unsubscribe.replenish-rate=1", "clientele.gateway.limits.unsubscribe.burst=2"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

    static final RedisServerProcess redis = RedisServerProcess.start();
    static final RecordingUpstream customerService = RecordingUpstream.answering(200, "{\"answeredBy\":\"customer\"}");
    static final RecordingUpstream orderLinkService = RecordingUpstream.answering(200, "{\"answeredBy\":\"order-link\"}");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry properties) {
        properties.add("spring.data.redis.port", redis::port);
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
        properties.add("clientele.services.communication-url", orderLinkService::url);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        customerService.close();
        orderLinkService.close();
        redis.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forget() {
        customerService.forget();
        orderLinkService.forget();
    }

    @Test
    @Order(1)
    void aWorkspacePastItsBurstGets429WithRetryAfterWhileAnotherWorkspaceGoesOn() {
        String busy = TestTokens.staff(UUID.randomUUID());
        String other = TestTokens.staff(UUID.randomUUID());

        // a burst of 3, one more a second: of 5 requests at once the first 3 pass and the 5th cannot
        List<RawHttp.Response> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(get("/api/v1/customers/7", busy));
        }

        assertThat(answers.subList(0, 3)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        RawHttp.Response refused = answers.get(4);
        JsonNode problem = ProblemAnswersIT.problem(refused, 429);
        assertThat(problem.path("type").asString()).isEqualTo("https://clientele.io/problems/too-many-requests");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(customerService.pending()).hasSizeLessThanOrEqualTo(4);

        assertThat(get("/api/v1/customers/7", other).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void eachPublicLinkCountsOnItsOwnAndItsTokenIsNoRedisKey() {
        String link = "ql_" + UUID.randomUUID().toString().replace("-", "");
        String otherLink = "ql_" + UUID.randomUUID().toString().replace("-", "");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get("/q/" + link, null).status());
        }

        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(statuses.get(3)).isEqualTo(429);
        assertThat(get("/q/" + otherLink + "/catalog", null).status()).isEqualTo(200);
        String keys = redis.command("KEYS *");
        assertThat(keys).contains("order-link-service-public-page.link:").doesNotContain(link)
                .doesNotContain(otherLink);
    }

    @Test
    @Order(3)
    void unsubscribeLinksCountPerClientAddressWhichIsNoRedisKeyEither() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // a different link each time: it is the address that counts
            statuses.add(get("/u/" + UUID.randomUUID(), null).status());
        }

        assertThat(statuses.subList(0, 2)).containsOnly(200);
        assertThat(statuses.get(3)).isEqualTo(429);
        assertThat(redis.command("KEYS *")).contains("communication-service-unsubscribe.client:")
                .doesNotContain("127.0.0.1");
    }

    @Test
    @Order(4)
    void withRedisGoneRequestsPassUncheckedAndWithoutDelay() throws InterruptedException {
        String busy = TestTokens.staff(UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            get("/api/v1/customers/7", busy);
        }
        assertThat(get("/api/v1/customers/7", busy).status()).as("the workspace is past its limit").isEqualTo(429);

        redis.kill();

        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            RawHttp.Response answer = get("/api/v1/customers/7", busy);
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo("-1");
        }
        // ten requests, each would wait out the Redis timeout (250 ms) if the client queued its commands
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
        String metrics = get("/actuator/prometheus", null).text();
        assertThat(metrics).containsPattern("clientele_gateway_rate_limit_unchecked_total\\S* ([1-9][0-9]*)\\.0");
    }

    private RawHttp.Response get(String target, String token) {
        return RawHttp.send(port, "GET", target, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
                null);
    }
}
