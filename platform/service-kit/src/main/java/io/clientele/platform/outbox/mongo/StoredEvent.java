package io.clientele.platform.outbox.mongo;

import java.time.Instant;

/**
 * An integration event waiting inside the document whose change raised it. Written in the same
 * single-document update as the change itself, so the two are stored together or not at all (no
 * multi-document transactions are needed); the relay publishes it and then removes it.
 *
 * @param eventId the CloudEvent id (consumers de-duplicate by it); not named id, which the mapping would store as _id
 * @param topic   where it goes
 * @param key     the Kafka key: the customer id
 * @param time    when the change happened
 * @param payload the whole CloudEvent, structured JSON
 * @param traceparent the W3C trace context of the work that raised it, or null (not stored then)
 */
public record StoredEvent(String eventId, String type, String topic, String key, Instant time, String payload,
        String traceparent) {
}
