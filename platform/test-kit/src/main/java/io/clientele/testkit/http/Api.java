package io.clientele.testkit.http;

import io.clientele.testkit.tokens.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A service's HTTP API as one caller of one workspace sees it: every request carries that caller's
 * token. {@code Api.staff(port, workspace).get("/api/v1/...")}. A service's tests may extend it with
 * helpers of their own (creating a customer, say); the plumbing stays here.
 */
public class Api {

    private final RestTestClient client;
    private final String token;

    protected Api(RestTestClient client, String token) {
        this.client = client;
        this.token = token;
    }

    protected Api(Api caller) {
        this(caller.client, caller.token);
    }

    public static Api anonymous(int port) {
        return new Api(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build(), null);
    }

    public static Api staff(int port, UUID workspace) {
        return withToken(port, TestTokens.staff(workspace));
    }

    public static Api owner(int port, UUID workspace) {
        return withToken(port, TestTokens.owner(workspace));
    }

    public static Api withToken(int port, String token) {
        return new Api(anonymous(port).client, token);
    }

    public RestTestClient.ResponseSpec get(String uri, Object... variables) {
        return request(HttpMethod.GET, uri, null, variables);
    }

    public RestTestClient.ResponseSpec delete(String uri, Object... variables) {
        return request(HttpMethod.DELETE, uri, null, variables);
    }

    public RestTestClient.ResponseSpec post(String uri, Object body, Object... variables) {
        return request(HttpMethod.POST, uri, body, variables);
    }

    public RestTestClient.ResponseSpec put(String uri, Object body, Object... variables) {
        return request(HttpMethod.PUT, uri, body, variables);
    }

    /** A PUT that only applies if the resource still has the version {@code etag} names. */
    public RestTestClient.ResponseSpec putIfMatch(String uri, String etag, Object body, Object... variables) {
        return send(with(HttpMethod.PUT, uri, variables).header("If-Match", etag), body);
    }

    /** A POST with a body of another type than JSON: a CSV file, a multipart form. */
    public RestTestClient.ResponseSpec postAs(MediaType type, String uri, Object body, Object... variables) {
        return with(HttpMethod.POST, uri, variables).contentType(type).body(body).exchange();
    }

    /** A raw request: any body text and content type, for malformed input. */
    public RestTestClient.ResponseSpec raw(HttpMethod method, String uri, MediaType type, String body) {
        return with(method, uri).contentType(type).body(body).exchange();
    }

    public RestTestClient.ResponseSpec request(HttpMethod method, String uri, Object body, Object... variables) {
        return send(with(method, uri, variables), body);
    }

    /** A request carrying the caller's token, to finish by hand (headers, body) and exchange. */
    public RestTestClient.RequestBodySpec with(HttpMethod method, String uri, Object... variables) {
        RestTestClient.RequestBodySpec spec = client.method(method).uri(uri, variables);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        return spec;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json(String uri, Object... variables) {
        return get(uri, variables).expectStatus().isOk().returnResult(Map.class).getResponseBody();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> postJson(String uri, Object body, Object... variables) {
        return post(uri, body, variables).expectStatus().is2xxSuccessful().returnResult(Map.class).getResponseBody();
    }

    private static RestTestClient.ResponseSpec send(RestTestClient.RequestBodySpec spec, Object body) {
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange();
    }
}
