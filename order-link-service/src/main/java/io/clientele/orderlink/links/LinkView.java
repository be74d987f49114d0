package io.clientele.orderlink.links;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's current link as staff see it later: never the token (it was shown once, at creation).
 *
 * @param state ACTIVE, or EXPIRED once its expiry has passed (regenerate it to give the customer a new one)
 */
record LinkView(UUID id, UUID customerId, Instant createdAt, String createdBy, Instant expiresAt,
        Instant lastOpenedAt, String state) {
}
