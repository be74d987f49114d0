package io.clientele.customer.customfields;

/** The kind of value a custom field holds. */
public enum FieldType {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    CHOICE
}
