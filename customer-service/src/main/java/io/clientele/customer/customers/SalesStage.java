package io.clientele.customer.customers;

/** C-3 sales stage: a current customer, or a potential one (a lead). */
public enum SalesStage {
    CURRENT,
    POTENTIAL
}
