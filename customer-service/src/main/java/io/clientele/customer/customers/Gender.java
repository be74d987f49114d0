package io.clientele.customer.customers;

/** Gender a customer gave, if any. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNDISCLOSED
}
