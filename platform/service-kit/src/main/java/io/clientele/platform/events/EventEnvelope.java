package io.clientele.platform.events;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * An integration event on the wire, in the CloudEvents 1.0 structured JSON format: the attributes
 * every consumer needs to route and de-duplicate, and the event's own data.
 *
 * @param id          unique per event; consumers use it to ignore redeliveries
 * @param source      the producing service, e.g. {@code /customer-service}
 * @param type        stable, versioned name, e.g. {@code customer.created.v1}; never a Java class name
 * @param time        when the change happened
 * @param subject     the customer the event is about (also the Kafka key: one order per customer)
 * @param workspaceid the workspace (CloudEvents extension attribute)
 * @param data        the event's payload
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        String subject,
        String workspaceid,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public EventEnvelope {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }
}
