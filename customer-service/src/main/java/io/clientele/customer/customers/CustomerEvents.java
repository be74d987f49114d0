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

    /** Customers a batch of partner bookings brought, announced together. */
    public record CustomersRegistered(UUID workspaceId, List<CustomerRegistered> customers) {
    }

    /**
     * @param marketingConsent consent stated with the change (an import's consent column), else null
     */
    public record CustomerRevised(UUID workspaceId, CustomerDetails customer, List<String> changedFields,
            String actor, Boolean marketingConsent) {

        CustomerRevised(UUID workspaceId, CustomerDetails customer, List<String> changedFields, String actor) {
            this(workspaceId, customer, changedFields, actor, null);
        }
    }

    public record StatusChanged(UUID workspaceId, UUID customerId, LifecycleStatus from, LifecycleStatus to,
            String changedBy, String reason, Instant changedAt) {
    }

    /**
     * Raised while the record still exists, before it is deleted, so that every module forgets what it holds
     * of the customer in the same transaction.
     *
     * @param email the e-mail the customer had (or null), for data held by contact rather than by id (an
     *              import's rejected rows); in-process only, never put on the wire
     * @param phone the phone the customer had, in E.164 (or null), for the same
     */
    public record CustomerErased(UUID workspaceId, UUID customerId, Instant erasedAt, String erasedBy, String email,
            String phone) {
    }

    /**
     * C-9: one chunk of an import was written. Carried as one event so that listeners write their
     * part (outgoing events, timeline) in bulk too.
     *
     * @param created customers the import created, with the consent their row stated
     * @param revised customers whose record it changed
     * @param statusChanges lifecycle changes of existing customers it made
     */
    public record CustomersImported(UUID workspaceId, UUID importId, String importName, String actor, Instant at,
            List<CustomerRegistered> created, List<CustomerRevised> revised, List<StatusChanged> statusChanges) {
    }

    /**
     * C-9: part of an import was undone: the customers it created were removed (each also raised as
     * {@link CustomerErased}), the fields it changed restored.
     *
     * @param kept customers left as they are because something newer touched them
     */
    public record ImportUndone(UUID workspaceId, UUID importId, String importName, String actor, Instant at,
            List<UUID> removed, List<CustomerRevised> restored, List<StatusChanged> statusChanges, List<UUID> kept) {
    }
}
