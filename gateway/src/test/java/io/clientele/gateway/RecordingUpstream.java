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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free port standing in for a service behind the gateway: it records every
 * request that reaches it and answers each with the same status and JSON body (changeable between tests),
 * after a delay when it is to play a slow service.
 */
final class RecordingUpstream implements AutoCloseable {

    record Received(String method, URI uri, String authorization, Map<String, List<String>> headers) {

        /** The first value of a request header, by its name in any case; null when it was not sent. */
        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String contentType, byte[] body, Duration delay, Map<String, String> headers) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, Answer> answersByPath = new ConcurrentHashMap<>();
    private volatile Answer answer;
    private volatile HttpServer server;
    private final InetSocketAddress address;

    private RecordingUpstream(int status, String jsonBody, int port) {
        answer(status, jsonBody);
        server = listening(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        address = server.getAddress();
    }

    private HttpServer listening(InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("Authorization"), Map.copyOf(exchange.getRequestHeaders())));
            // read the body as a service does: left unread, the server resets the connection under a large one
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            Answer now = answersByPath.getOrDefault(exchange.getRequestURI().getRawPath(), answer);
            if (!now.delay().isZero()) {
                // playing a slow service: the answer itself is late (nothing in a test waits on this)
                try {
                    Thread.sleep(now.delay());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().add("Content-Type", now.contentType());
            now.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(now.status(), now.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(now.body());
            } catch (IOException callerGone) {
                // the gateway gave up waiting (a slow service's part): nothing to answer to
            }
        });
        // Requests in parallel, as a real service takes them: a slow one holds up no other.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    /** A service that is down: nothing listens on its port until {@link #up()}. */
    RecordingUpstream down() {
        server.stop(0);
        return this;
    }

    /** Listening again on the same port, as a restarted service. */
    RecordingUpstream up() {
        server = listening(address);
        return this;
    }

    /** From now on requests for this path (without the query) are answered so, the others as before. */
    RecordingUpstream answerOn(String path, int status, String contentType, String body) {
        answersByPath.put(path, new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO,
                Map.of()));
        return this;
    }

    /** Forgets the answers by path: every request gets the one answer again. */
    RecordingUpstream answerEveryPathAlike() {
        answersByPath.clear();
        return this;
    }

    /** From now on every request is answered so. */
    RecordingUpstream answer(int status, String jsonBody) {
        return answer(status, "application/json", jsonBody, Duration.ZERO);
    }

    /** From now on every request is answered so, after the delay (a slow service). */
    RecordingUpstream answer(int status, String contentType, String body, Duration delay) {
        answer = new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), delay, Map.of());
        return this;
    }

    /** From now on every answer also carries these headers (a page's own security policy, say). */
    RecordingUpstream withHeaders(Map<String, String> headers) {
        Answer now = answer;
        answer = new Answer(now.status(), now.contentType(), now.body(), now.delay(), Map.copyOf(headers));
        return this;
    }

    static RecordingUpstream answering(int status, String jsonBody) {
        return new RecordingUpstream(status, jsonBody, 0);
    }

    /** On a given port: a service coming back where it was (a port it answered on before it went down). */
    static RecordingUpstream answeringOn(int port, int status, String jsonBody) {
        return new RecordingUpstream(status, jsonBody, port);
    }

    String url() {
        return "http://" + address.getHostString() + ":" + address.getPort();
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
