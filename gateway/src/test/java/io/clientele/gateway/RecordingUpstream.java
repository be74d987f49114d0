package io.clientele.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free port standing in for a service behind the gateway: it records every
 * request that reaches it and answers each with the same status and JSON body.
 */
final class RecordingUpstream implements AutoCloseable {

    record Received(String method, URI uri, String authorization) {
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private RecordingUpstream(int status, String jsonBody) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static RecordingUpstream answering(int status, String jsonBody) {
        return new RecordingUpstream(status, jsonBody);
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The oldest request not yet taken, waiting a little for one in flight; fails when none came. */
    Received next() throws InterruptedException {
        Received request = received.poll(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        if (request == null) {
            throw new AssertionError("No request reached the upstream at " + url());
        }
        return request;
    }

    List<Received> pending() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
