package io.clientele.customer.customers;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a customer's lifecycle history: who moved it from what to what, and when. */
@Entity
@Table(name = "customer_status_change")
class StatusChange {

    @Id
    private UUID id;
    private UUID workspaceId;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private LifecycleStatus fromStatus;
    @Enumerated(EnumType.STRING)
    private LifecycleStatus toStatus;
    private String changedBy;
    private Instant changedAt;
    private String reason;

    protected StatusChange() {
        // for JPA
    }

    StatusChange(UUID id, UUID workspaceId, UUID customerId, LifecycleStatus fromStatus, LifecycleStatus toStatus,
            String changedBy, Instant changedAt, String reason) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.customerId = customerId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.reason = reason;
    }

    StatusHistoryEntry view() {
        return new StatusHistoryEntry(fromStatus, toStatus, changedBy, changedAt, reason);
    }

    /** A status change as the API shows it. */
    record StatusHistoryEntry(LifecycleStatus from, LifecycleStatus to, String changedBy, Instant changedAt,
            String reason) {
    }
}
