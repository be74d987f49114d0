package io.clientele.customer.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to customers, raised by the application service inside its transaction. Other parts
 * of the service (the outgoing integration events, later the timeline) listen to these; they are
 * never put on the wire as they are.
 */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    public record CustomerRegistered(UUID workspaceId, CustomerDetails customer, boolean marketingConsent,
            String actor) {
    }

    public record CustomerRevised(UUID workspaceId, CustomerDetails customer, List<String> changedFields,
            String actor) {
    }

    public record StatusChanged(UUID workspaceId, UUID customerId, LifecycleStatus from, LifecycleStatus to,
            String changedBy, String reason, Instant changedAt) {
    }

    public record CustomerErased(UUID workspaceId, UUID customerId, Instant erasedAt, String erasedBy) {
    }
}
