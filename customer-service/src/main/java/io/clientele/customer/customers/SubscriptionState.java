package io.clientele.customer.customers;

/** Marketing subscription; affects marketing messages only. */
public enum SubscriptionState {
    SUBSCRIBED,
    UNSUBSCRIBED
}
