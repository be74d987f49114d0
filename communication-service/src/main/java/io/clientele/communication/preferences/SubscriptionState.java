package io.clientele.communication.preferences;

/** Marketing subscription; affects marketing messages only. */
public enum SubscriptionState {
    SUBSCRIBED,
    UNSUBSCRIBED
}
