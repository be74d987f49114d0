package io.clientele.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the SMS provider's HTTP API that communication-service speaks
 * ({@code POST /messages} with an {@code Idempotency-Key}, 201 with an {@code id}): every accepted SMS
 * is appended to a log file, and a repeated key answers the first message's id without a second SMS,
 * as a real provider does. Real HTTP, real adapter; only the phone network is missing.
 */
final class SmsSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsSink.class);

    private final HttpServer server;
    private final Path logFile;
    private final Map<String, String> idsByKey = new ConcurrentHashMap<>();

    private SmsSink(HttpServer server, Path logFile) {
        this.server = server;
        this.logFile = logFile;
    }

    static SmsSink start(int port, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            SmsSink sink = new SmsSink(server, logFile);
            server.createContext("/messages", sink::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return sink;
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot start the SMS sink on port " + port, failure);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Path logFile() {
        return logFile;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"error\": \"POST only\"}");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || key.isBlank()) {
                answer(exchange, 400, "{\"error\": \"Idempotency-Key is required\"}");
                return;
            }
            String[] id = {null};
            boolean first = idsByKey.computeIfAbsent(key, k -> id[0] = "local-" + UUID.randomUUID()) == id[0];
            if (first) {
                String line = Instant.now() + " " + body + System.lineSeparator();
                synchronized (this) {
                    Files.writeString(logFile, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                log.info("SMS accepted: {}", body);
            }
            answer(exchange, first ? 201 : 200, "{\"id\": \"" + idsByKey.get(key) + "\", \"status\": \"accepted\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
