package io.clientele.communication;

import io.clientele.platform.ids.TimeOrderedIds;
import java.util.UUID;

/**
 * Identifiers of communication-service's documents: time-ordered (UUID version 7), so message ids sort by
 * creation and the newest messages of a customer are at one end of the index.
 */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return TimeOrderedIds.next();
    }
}
