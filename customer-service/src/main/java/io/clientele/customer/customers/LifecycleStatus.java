package io.clientele.customer.customers;

/**
 * C-2 lifecycle status. NEW by default; REGULAR is set automatically once enough reservations are
 * completed (or by staff); PROBLEMATIC and BLOCKED only by staff. A BLOCKED customer may not book.
 */
public enum LifecycleStatus {
    NEW,
    REGULAR,
    PROBLEMATIC,
    BLOCKED
}
