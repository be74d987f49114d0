package io.clientele.communication.preferences;

import io.clientele.communication.outbox.EventOutbox;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How the current preferences are read, by {@link Preferences} and by {@link Handoffs} alike: without the
 * consent record and the pending events, which only grow and which neither needs to decide anything.
 */
final class PreferencesProjection {

    private PreferencesProjection() {
    }

    static Query stateOf(String key) {
        Query query = new Query(Criteria.where("_id").is(key));
        excludeHistory(query);
        return query;
    }

    static void excludeHistory(Query query) {
        query.fields().exclude("consents").exclude(EventOutbox.FIELD);
    }
}
