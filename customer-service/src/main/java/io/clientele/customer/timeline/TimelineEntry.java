package io.clientele.customer.timeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One thing that happened to a customer, as another part of the service hands it to the timeline.
 *
 * @param details what a front end needs to render the entry in its own language (ids, times, names)
 * @param source  where the full story is
 * @param eventId the id of the event that told it, when it has one: the same event never writes twice
 */
public record TimelineEntry(UUID workspaceId, UUID customerId, Instant occurredAt, TimelineType type, String title,
        Map<String, Object> details, Source source, String eventId) {

    /**
     * @param type what the source is: reservation, note, status-change, customer, import, message
     * @param id   its id, when it has one
     * @param href the API resource that shows it
     */
    public record Source(String type, String id, String href) {
    }

    /** Details from keys and values, leaving out the empty ones; keys in the given order. */
    public static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }
}
