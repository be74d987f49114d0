package io.clientele.customer.customers;

import io.clientele.platform.inbox.Inbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    /**
     * The events of a consumed batch to apply, in batch order: each delivery only the first time (the inbox's
     * {@code firstDeliveries}; a delivery twice in one batch counts once) and only about customers that exist
     * (an erased or unknown customer's events are passed by). One query per workspace in the batch.
     */
    public <E> List<E> aboutExistingCustomers(List<E> batch, Set<Inbox.Delivery> firstDeliveries,
            Function<E, Inbox.Delivery> delivery, Function<E, UUID> workspace, Function<E, UUID> customer) {
        Set<Inbox.Delivery> fresh = new HashSet<>(firstDeliveries);
        Map<UUID, Set<UUID>> existing = new LinkedHashMap<>();
        batch.stream().filter(event -> fresh.contains(delivery.apply(event)))
                .collect(Collectors.groupingBy(workspace, LinkedHashMap::new,
                        Collectors.mapping(customer, Collectors.toCollection(LinkedHashSet::new))))
                .forEach((workspaceId, ids) -> existing.put(workspaceId, existing(workspaceId, ids)));
        List<E> toApply = new ArrayList<>();
        for (E event : batch) {
            if (fresh.remove(delivery.apply(event))
                    && existing.getOrDefault(workspace.apply(event), Set.of()).contains(customer.apply(event))) {
                toApply.add(event);
            }
        }
        return toApply;
    }

    public Set<UUID> existing(UUID workspaceId, Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? Set.of() : Set.copyOf(repository.existing(workspaceId, customerIds));
    }

    /** Keeps the list's last-note column in step with the customer's notes, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void summariseLatestNote(UUID workspaceId, UUID customerId, String preview, Instant at) {
        repository.summariseLatestNote(workspaceId, customerId, preview, at);
    }
}
