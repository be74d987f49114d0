package io.clientele.customer.customers;

/** CONTACT has no account; REGISTERED has one in the business's shop or booking system. */
public enum CustomerType {
    CONTACT,
    REGISTERED
}
