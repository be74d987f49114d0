package io.clientele.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.testkit.tokens.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployments log JSON (Elastic Common Schema, {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}): each line of
 * a request's work carries the trace and span ids and the gateway's request id, so one search finds the
 * request's lines in every service.
 */
@KitIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class StructuredLogsIT {

    static {
        // Boot sets logging up once per JVM: an earlier test's application left it plain. This one starts its
        // own, which sets it up again from its environment (JSON) once the mark is gone.
        forgetLoggingSetUp();
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void theNextApplicationSetsLoggingUpAgain() {
        forgetLoggingSetUp();
    }

    private static void forgetLoggingSetUp() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).removeObject(LoggingSystem.class.getName());
    }

    @Test
    void aLineLoggedWhileARequestIsServedCarriesItsTraceSpanAndRequestIds(CapturedOutput output) throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String token = TestTokens.staff(UUID.randomUUID());
        HttpResponse<String> failed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/demo/boom"))
                .header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header("X-Request-Id", "req-structured-1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(500);

        JsonNode line = output.getOut().lines().filter(l -> l.startsWith("{") && l.contains("Unexpected failure"))
                .map(l -> JsonMapper.builder().build().readTree(l)).findFirst().orElseThrow();
        assertThat(line.path("log").path("level").asString()).isEqualTo("ERROR");
        assertThat(line.path("traceId").asString()).isEqualTo(traceId);
        assertThat(line.path("spanId").asString()).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
        assertThat(line.path("X-Request-Id").asString()).isEqualTo("req-structured-1");
        assertThat(line.path("service").path("name").asString()).isEqualTo("kit-test");
        assertThat(output.getOut()).as("no token in the logs").doesNotContain(token);
    }
}
