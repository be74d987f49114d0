package io.clientele.customer.customers;

/** Where a customer record came from. */
public enum CustomerSource {
    MANUAL,
    IMPORT,
    BOOKING,
    API
}
