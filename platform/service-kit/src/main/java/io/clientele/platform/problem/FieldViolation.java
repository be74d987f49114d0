package io.clientele.platform.problem;

/**
 * One rejected field of a request: where (a JSON path like {@code address.postalCode} or
 * {@code customFields.vip}), a stable machine code, and a message for people.
 */
public record FieldViolation(String field, String code, String message) {
}
