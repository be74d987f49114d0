package io.clientele.platform.outbox;

import io.clientele.platform.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A committed event waiting in a store's outbox for Kafka.
 *
 * @param position where the store keeps it (a row's sequence number, a document), to mark it afterwards
 * @param id       the CloudEvent id, or null when the store does not know it apart from the payload
 * @param topic    where it goes
 * @param key      the Kafka key (the subject: one customer's events stay in order)
 * @param payload  the whole CloudEvent, structured JSON
 * @param traceparent the W3C trace context of the request that raised it, or null: the relay's span continues it
 * @param <P>      the store's kind of position
 */
public record PendingEvent<P>(P position, String id, String topic, String key, String payload,
        String traceparent) {

    ProducerRecord<String, String> toRecord() {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add(new RecordHeader("content-type",
                EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
