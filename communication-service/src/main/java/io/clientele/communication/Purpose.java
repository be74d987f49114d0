package io.clientele.communication;

/** What a message is for. Order confirmations also obey the customer's order-confirmation switch. */
public enum Purpose {
    GENERAL,
    RESERVATION,
    ORDER_CONFIRMATION
}
