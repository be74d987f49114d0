package io.clientele.customer;

import java.util.Map;
import java.util.UUID;

/** The test kit's {@link io.clientele.testkit.http.Api}, with what customer-service's tests do most: create a customer. */
public final class Api extends io.clientele.testkit.http.Api {

    private Api(io.clientele.testkit.http.Api caller) {
        super(caller);
    }

    public static Api anonymous(int port) {
        return new Api(io.clientele.testkit.http.Api.anonymous(port));
    }

    public static Api staff(int port, UUID workspace) {
        return new Api(io.clientele.testkit.http.Api.staff(port, workspace));
    }

    public static Api owner(int port, UUID workspace) {
        return new Api(io.clientele.testkit.http.Api.owner(port, workspace));
    }

    public static Api withToken(int port, String token) {
        return new Api(io.clientele.testkit.http.Api.withToken(port, token));
    }

    /** Creates a customer and returns its id. */
    public UUID create(Map<String, Object> customer) {
        Map<?, ?> created = post("/api/v1/customers", customer).expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
        return UUID.fromString((String) created.get("id"));
    }
}
