package io.clientele.customer.customers;

/** The list's subscription column; muted outranks the subscription state. */
public enum ContactState {
    SUBSCRIBED,
    UNSUBSCRIBED,
    MUTED
}
