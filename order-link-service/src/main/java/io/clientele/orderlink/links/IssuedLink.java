package io.clientele.orderlink.links;

import java.time.Instant;
import java.util.UUID;

/**
 * A link just created: the only answer that holds the token. Copy the url and give it to the customer;
 * it cannot be shown again (only its hash is kept), only regenerated.
 */
record IssuedLink(UUID id, UUID customerId, String url, String token, Instant createdAt, Instant expiresAt) {
}
