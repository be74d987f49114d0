package io.clientele.customer.customers;

/** C-3: how warm a lead is. */
public enum Temperature {
    HOT,
    WARM,
    COLD,
    NOT_INTERESTED
}
