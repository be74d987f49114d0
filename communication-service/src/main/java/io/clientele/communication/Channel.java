package io.clientele.communication;

/** How a message reaches a customer. Push is a preference switch only: no push provider is connected yet. */
public enum Channel {
    EMAIL,
    SMS
}
