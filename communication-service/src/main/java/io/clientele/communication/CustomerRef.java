package io.clientele.communication;

import java.util.Objects;
import java.util.UUID;

/**
 * One customer of one workspace. Its {@link #key()} is the {@code _id} of the customer's contact and
 * preferences documents, so every lookup is by primary key and always scoped by the workspace.
 */
public record CustomerRef(UUID workspaceId, UUID customerId) {

    public CustomerRef {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(customerId, "customerId");
    }

    public String key() {
        return workspaceId + ":" + customerId;
    }

    public static CustomerRef of(String workspaceId, String customerId) {
        return new CustomerRef(UUID.fromString(workspaceId), UUID.fromString(customerId));
    }
}
