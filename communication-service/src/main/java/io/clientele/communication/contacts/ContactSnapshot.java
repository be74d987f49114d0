package io.clientele.communication.contacts;

import io.clientele.communication.CustomerRef;
import java.time.Instant;

/** A customer as a customer event carries it; {@code updatedAt} orders snapshots of one customer. */
public record ContactSnapshot(CustomerRef customer, String firstName, String lastName, String companyName,
        String email, String phone, String preferredLanguage, Instant updatedAt) {
}
