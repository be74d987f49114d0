package io.clientele.customer;

import io.clientele.platform.ids.TimeOrderedIds;
import java.util.UUID;

/**
 * Identifiers of customer-service's records: time-ordered (UUID version 7), so new rows land at the
 * end of the primary-key index instead of at random places, which keeps inserts and bulk loads fast.
 */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return TimeOrderedIds.next();
    }
}
