package io.clientele.systemtests.system;

import io.clientele.testkit.bench.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zipkin's own server (the executable jar Maven copies to {@code target/zipkin}), run as a process with
 * in-memory storage: the services report their spans to it, and a test reads whole traces back through
 * its HTTP API, as an operator's browser would.
 */
public final class ZipkinServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ZipkinServer(ServiceProcess process) {
        this.process = process;
    }

    /** Starts it on {@code port}; {@link #awaitReady} before sending it spans. */
    static ZipkinServer start(int port, Path logs) throws IOException {
        Path jar = Path.of("target", "zipkin", "zipkin-server.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + "; Maven's package phase copies it (maven-dependency-plugin)");
        }
        return new ZipkinServer(ServiceProcess.start(jar, port, Map.of("STORAGE_TYPE", "mem", "QUERY_PORT",
                Integer.toString(port), "JAVA_OPTS", ""), logs.resolve("zipkin.log"),
                "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1"));
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        process.awaitReady(timeout, "/health");
    }

    /** Where services send spans: {@code MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT}. */
    public String spansEndpoint() {
        return "http://127.0.0.1:" + process.port() + "/api/v2/spans";
    }

    /** The spans Zipkin holds for one trace ({@code GET /api/v2/trace/{id}}); empty while it knows none. */
    public List<Span> trace(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + process.port() + "/api/v2/trace/" + traceId)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return List.of();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Zipkin answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).valueStream().map(Span::of).toList();
    }

    @Override
    public void close() {
        process.close();
    }

    /** What a test needs of a Zipkin span (API v2). */
    public record Span(String traceId, String id, String parentId, String kind, String name, String service,
            String remoteService) {

        static Span of(JsonNode span) {
            return new Span(span.path("traceId").asString(), span.path("id").asString(),
                    span.path("parentId").asString(null), span.path("kind").asString(null),
                    span.path("name").asString(""), span.path("localEndpoint").path("serviceName").asString(""),
                    span.path("remoteEndpoint").path("serviceName").asString(null));
        }
    }
}
