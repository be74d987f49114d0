package io.clientele.communication.preferences;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the consent record (M-2): what changed, when, where it came from, who made it and which
 * consent wording the customer saw, and the preferences as they were after it. Append-only. When the
 * customer is erased, the free-text note and the language are removed; the rest stays as proof.
 *
 * @param sourceRef the event, message or request the change came from (a redelivered event is recognised by it)
 */
public record ConsentEntry(String id, Instant at, List<String> changedFields, ConsentSource source, String actor,
        String wordingVersion, String sourceRef, String note, SubscriptionState subscription, boolean muted,
        ChannelSwitches channels, String language, boolean orderConfirmations) {
}
