package io.clientele.platform.events;

import java.util.Objects;
import java.util.UUID;

/**
 * What a service hands to the outbox: an integration event not yet wrapped in its envelope.
 *
 * @param topic       the Kafka topic, e.g. {@code customer.events}
 * @param type        the stable event type, e.g. {@code customer.created.v1}
 * @param workspaceId the workspace the event belongs to
 * @param subject     the customer id; also the message key, so a customer's events stay in order
 * @param data        a record that serialises to the event's JSON Schema
 */
public record OutgoingEvent(String topic, String type, UUID workspaceId, String subject, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }
}
