package io.clientele.communication.preferences;

import io.clientele.communication.CustomerRef;
import java.time.Instant;
import java.util.List;

/** Domain event: a customer's preferences changed; {@code after} is the state the change left. */
public record PreferencesChanged(CustomerRef customer, CustomerPreferences after, List<String> changedFields,
        ConsentSource source, String actor, String wordingVersion, Instant occurredAt) {
}
