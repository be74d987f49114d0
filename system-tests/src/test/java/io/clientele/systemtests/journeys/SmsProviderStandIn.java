package io.clientele.systemtests.journeys;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP server in the SMS provider's place, speaking its API as communication-service calls it
 * ({@code POST /messages} with {@code {to, from, text, reference}}, answered with the provider's {@code id}):
 * what reaches it is what a customer's phone would receive, and when.
 */
final class SmsProviderStandIn implements AutoCloseable {

    /** One SMS the provider accepted. */
    record Sms(Instant receivedAt, String to, String from, String text, String reference, String idempotencyKey) {
    }

    private final HttpServer server;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private SmsProviderStandIn(HttpServer server) {
        this.server = server;
    }

    static SmsProviderStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SmsProviderStandIn provider = new SmsProviderStandIn(server);
        server.createContext("/messages", provider::accept);
        server.start();
        return provider;
    }

    /** {@code CLIENTELE_COMMUNICATION_SMS_URL} */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What reached one phone number (E.164), in the order it arrived. */
    List<Sms> to(String phone) {
        return received.stream().filter(sms -> phone.equals(sms.to())).toList();
    }

    private void accept(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            JsonNode body = FrontEnd.JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Sms(Instant.now(), body.path("to").asString(null), body.path("from").asString(null),
                    body.path("text").asString(null), body.path("reference").asString(null),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            answer(exchange, 200, "{\"id\": \"sms-" + ids.incrementAndGet() + "\"}");
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
