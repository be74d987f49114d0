package io.clientele.customer.customers;

import java.time.Instant;
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

    /**
     * C-2: applies the REGULAR rule after a reservation of the customer was completed, with the
     * workspace's threshold.
     *
     * @param completed how many of the customer's reservations are completed now
     * @return true when the customer became REGULAR
     */
    @Transactional
    public boolean recordCompletedReservations(UUID workspaceId, UUID customerId, int completed) {
        return service.recordCompletedReservations(workspaceId, customerId, completed);
    }

    /** Keeps the list's last-note column in step with the customer's notes, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void summariseLatestNote(UUID workspaceId, UUID customerId, String preview, Instant at) {
        repository.summariseLatestNote(workspaceId, customerId, preview, at);
    }
}
