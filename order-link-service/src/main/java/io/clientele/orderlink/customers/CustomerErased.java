package io.clientele.orderlink.customers;

import java.util.UUID;

/**
 * Published inside the transaction that applies {@code customer.erased.v1}: every module forgets the
 * customer's personal data in the same transaction (links revoked, modifiers removed, order notes emptied).
 */
public record CustomerErased(UUID workspaceId, UUID customerId) {
}
