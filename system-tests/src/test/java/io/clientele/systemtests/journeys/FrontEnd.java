package io.clientele.systemtests.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a front end or a partner's system does: calls the gateway with its bearer token and reads the JSON it
 * answers. Nothing here reaches a service directly.
 */
final class FrontEnd {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String gateway;
    private final String token;

    FrontEnd(String gatewayUrl, String token) {
        this.gateway = gatewayUrl;
        this.token = token;
    }

    /** An answer: its status, and its body as JSON (a missing node when it has none or it is not JSON). */
    record Answer(int status, String text, JsonNode json) {

        /** The body, after checking the status is the one expected (the body says why when it is not). */
        JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but the gateway answered " + status + ": " + text);
            }
            return json;
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(body(body)));
    }

    Answer put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
