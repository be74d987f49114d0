package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.fuzz.RawHttp;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 13, items 5 and 8: whatever the gateway refuses itself, at any layer, it answers with a problem document. */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemAnswersIT {

    static final RecordingUpstream customerService = RecordingUpstream.answering(200, "{\"answeredBy\":\"customer\"}");
    /** A service that takes each request and closes the connection without a word. */
    static final ServerSocket hangingUp = hangingUp();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        // nothing listens on port 9 (discard) here: a service that is down
        properties.add("clientele.services.communication-url", () -> "http://127.0.0.1:9");
        properties.add("clientele.services.order-link-url", () -> "http://127.0.0.1:" + hangingUp.getLocalPort());
    }

    @AfterAll
    static void stop() throws IOException {
        customerService.close();
        hangingUp.close();
    }

    private static ServerSocket hangingUp() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket connection = server.accept()) {
                        // once the request has begun to arrive (so the gateway is past connecting, however
                        // slowly this machine schedules it), hang up with a reset
                        connection.getInputStream().read();
                        connection.setSoLinger(true, 0);
                    } catch (IOException closed) {
                        // the test is over
                    }
                }
            });
            return server;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forget() {
        customerService.forget();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"q=%FF%FE, q", "q=nov%00ak, q", "q=%C0%80, q", "x%FF=1, x?FF"})
    void aQueryThatIsNotUtf8OrHoldsANulIsRefusedAtTheEdgeNamingTheParameter(String query, String field) {
        JsonNode problem = problem(get("/api/v1/customers?" + query), 400);

        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo(field);
        assertThat(customerService.pending()).isEmpty();
    }

    @Test
    void aQueryThatIsNoUriAtAllIsA400ProblemTooNotAnEmptyAnswer() {
        // Spring refuses it before any filter (java.net.URI cannot hold it) with an empty 400; Netty's
        // answer gets its body on the way out
        problem(get("/api/v1/customers?q=50%25%G1"), 400);
        assertThat(customerService.pending()).isEmpty();
    }

    @Test
    void aWellFormedQueryStillGoesThrough() {
        assertThat(get("/api/v1/customers?q=J%C3%BCrgen+K&status=NEW%2CREGULAR").status()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        problem(get("/api/v1/no-such-things"), 404);
    }

    @Test
    void aRequestLineTooLongIsA414ProblemNotAnEmptyAnswer() {
        problem(get("/api/v1/customers?q=" + "x".repeat(20_000)), 414);
    }

    @Test
    void headersTooLargeAreA431Problem() {
        problem(RawHttp.send(port, "GET", "/api/v1/customers", Map.of("X-Long", "y".repeat(20_000)), null), 431);
    }

    @Test
    void aServiceThatIsDownIsAServiceUnavailableProblem() {
        problem(get("/api/v1/messages?customerId=7"), 503);
    }

    @Test
    void aServiceThatBreaksOffTheConnectionIsABadGatewayProblem() {
        problem(get("/api/v1/products"), 502);
    }

    /** With a valid token, so that what is refused is the request and not its caller. */
    private RawHttp.Response get(String target) {
        return RawHttp.send(port, "GET", target, Map.of("Authorization", "Bearer " + TestTokens.staff(UUID.randomUUID())),
                null);
    }

    static JsonNode problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.text()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("type").asString("")).startsWith("https://clientele.io/problems/");
        assertThat(problem.path("title").isString()).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
