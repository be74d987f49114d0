package io.clientele.customer.customers;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other parts of customer-service may ask of the customer records. */
@Component
public class Customers {

    private final CustomerService service;
    private final CustomerRepository repository;

    Customers(CustomerService service, CustomerRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    /** Fails with 404 (or 410 when erased) unless the customer exists in the workspace. */
    @Transactional(readOnly = true)
    public void requireExisting(UUID workspaceId, UUID customerId) {
        service.load(workspaceId, customerId);
    }

    /** The customer's record, for reading; fails with 404 (or 410 when erased) like {@link #requireExisting}. */
    @Transactional(readOnly = true)
    public CustomerDetails details(UUID workspaceId, UUID customerId) {
        return CustomerDetails.of(service.load(workspaceId, customerId));
    }

    /**
     * Keeps the list's subscription and mute columns in step with communication-service, which owns
     * the preferences. Only a newer version than the one shown changes them; the record's own version
     * is left alone, so no edit in progress is refused for it.
     *
     * @return true when the columns took the new state
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean mirrorPreferences(UUID workspaceId, UUID customerId, SubscriptionState subscriptionState,
            boolean muted, long version) {
        return repository.mirrorPreferences(workspaceId, customerId, subscriptionState.name(), muted, version) == 1;
    }

    /** Which of these customers exist in the workspace (events may name erased ones). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> existing(UUID workspaceId, Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? Set.of() : Set.copyOf(repository.existing(workspaceId, customerIds));
    }

    /** Keeps the list's last-note column in step with the customer's notes, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void summariseLatestNote(UUID workspaceId, UUID customerId, String preview, Instant at) {
        repository.summariseLatestNote(workspaceId, customerId, preview, at);
    }
}
