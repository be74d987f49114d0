package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.fuzz.RawHttp;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** G-3: CORS for the configured front end only, security headers, a request id end to end, the access log. */
@UseTestTokens
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clientele.gateway.cors.allowed-origins=https://app.clientele.example")
class EdgeHeadersIT {

    static final String FRONT_END = "https://app.clientele.example";
    static final RecordingUpstream customerService = RecordingUpstream.answering(200, "{}");
    static final RecordingUpstream orderLinkService = RecordingUpstream.answering(200, "<html></html>");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
    }

    @AfterAll
    static void stop() {
        customerService.close();
        orderLinkService.close();
    }

    @LocalServerPort
    int port;

    final UUID workspace = UUID.randomUUID();
    final String token = TestTokens.staff(workspace);

    @BeforeEach
    void forget() {
        customerService.forget();
        orderLinkService.forget();
    }

    @Test
    void theFrontEndsPreflightIsAnsweredAtTheGatewayWithoutAToken() {
        RawHttp.Response preflight = RawHttp.send(port, "OPTIONS", "/api/v1/customers", Map.of("Origin", FRONT_END,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"),
                null);

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
        assertThat(customerService.pending()).isEmpty();
    }

    @Test
    void anotherOriginIsRefusedWithAProblemAndGetsNoCorsHeaders() {
        RawHttp.Response refused = RawHttp.send(port, "OPTIONS", "/api/v1/customers", Map.of(
                "Origin", "https://elsewhere.example", "Access-Control-Request-Method", "POST"), null);

        ProblemAnswersIT.problem(refused, 403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theFrontEndsCallGetsItsOriginBackAndTheHeadersItMayRead() {
        RawHttp.Response answer = get("/api/v1/customers/7", Map.of("Origin", FRONT_END));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(answer.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersButAPagesOwnPolicyWins() {
        orderLinkService.withHeaders(Map.of("Referrer-Policy", "same-origin",
                "Content-Security-Policy", "default-src 'self'; img-src 'self' https:"));
        try {
            RawHttp.Response page = RawHttp.send(port, "GET", "/q/ql_page_token", Map.of(), null);

            assertThat(page.header("Content-Security-Policy")).isEqualTo("default-src 'self'; img-src 'self' https:");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        } finally {
            orderLinkService.withHeaders(Map.of());
        }
        RawHttp.Response refusal = get("/api/v1/no-such-things", Map.of());
        assertThat(refusal.status()).isEqualTo(404);
        assertThat(refusal.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(refusal.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(refusal.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(refusal.header("Content-Security-Policy")).as("a page's policy is its service's").isNull();
    }

    @Test
    void aWellFormedRequestIdReachesTheServiceAndComesBack() throws InterruptedException {
        RawHttp.Response answer = get("/api/v1/customers/7", Map.of("X-Request-Id", "front-end-4711-abc"));

        assertThat(answer.header("X-Request-Id")).isEqualTo("front-end-4711-abc");
        assertThat(customerService.next().header("X-Request-Id")).isEqualTo("front-end-4711-abc");
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByANewOne() throws InterruptedException {
        RawHttp.Response malformed = get("/api/v1/customers/7", Map.of("X-Request-Id", "<script>x</script>"));
        RawHttp.Response missing = get("/api/v1/customers/8", Map.of());

        String replaced = customerService.next().header("X-Request-Id");
        assertThat(UUID.fromString(replaced)).isNotNull();
        assertThat(malformed.header("X-Request-Id")).isEqualTo(replaced);
        String created = customerService.next().header("X-Request-Id");
        assertThat(missing.header("X-Request-Id")).isEqualTo(created).isNotEqualTo(replaced);
    }

    @Test
    void theAccessLogHasOneLinePerRequestWithoutTheLinksToken(CapturedOutput output) {
        String linkToken = "ql_" + UUID.randomUUID().toString().replace("-", "");
        RawHttp.Response page = RawHttp.send(port, "GET", "/q/" + linkToken + "/catalog?lang=de", Map.of(), null);
        RawHttp.Response staff = get("/api/v1/customers/9", Map.of());

        // the line is written as the answer completes, a moment after the caller may have read it
        await().atMost(Duration.ofSeconds(2)).until(() -> output.getOut().contains("/api/v1/customers/9 "));
        assertThat(output.getOut()).doesNotContain(linkToken)
                .contains("GET /q/***/catalog 200 ")
                .contains("id=" + page.header("X-Request-Id"))
                .containsPattern("GET /api/v1/customers/9 200 \\d+ms id=" + staff.header("X-Request-Id")
                        + " workspace=" + workspace);
    }

    private RawHttp.Response get(String target, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return RawHttp.send(port, "GET", target, all, null);
    }
}
