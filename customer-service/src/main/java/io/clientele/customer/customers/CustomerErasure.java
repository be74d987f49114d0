package io.clientele.customer.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Proof that a customer was erased: who and when, and nothing about the person. */
@Entity
@Table(name = "customer_erasure")
class CustomerErasure {

    @Id
    private UUID customerId;
    private UUID workspaceId;
    private Instant erasedAt;
    private String erasedBy;

    protected CustomerErasure() {
        // for JPA
    }

    CustomerErasure(UUID customerId, UUID workspaceId, Instant erasedAt, String erasedBy) {
        this.customerId = customerId;
        this.workspaceId = workspaceId;
        this.erasedAt = erasedAt;
        this.erasedBy = erasedBy;
    }

    Instant erasedAt() {
        return erasedAt;
    }
}
