package io.clientele.customer.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts an event customer-service cannot apply on {@code <topic>.dlt}, unchanged, with the reason in
 * headers, and waits for Kafka to have it: only then may the stream move past it.
 */
@Component
public class DeadLetters {

    public static final String REASON = "clientele-dlt-reason";
    public static final String ORIGINAL_TOPIC = "clientele-dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "clientele-dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "clientele-dlt-original-offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final AcknowledgedProducer producer;
    private final MeterRegistry meters;

    DeadLetters(AcknowledgedProducer producer, MeterRegistry meters) {
        this.producer = producer;
        this.meters = meters;
    }

    /** Dead-letters one record of a consumed batch. */
    public void send(ConsumedBatch.Record record, String reason) {
        send(record.topic(), record.partition(), record.offset(), record.key(), record.value(), reason);
    }

    public void send(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
        try {
            producer.send(topic + ".dlt", key == null ? null : new String(key, StandardCharsets.UTF_8),
                    value == null ? null : new String(value, StandardCharsets.UTF_8), Map.of(
                            REASON, reason,
                            ORIGINAL_TOPIC, topic,
                            ORIGINAL_PARTITION, String.valueOf(partition),
                            ORIGINAL_OFFSET, String.valueOf(offset)));
        } catch (AcknowledgedProducer.NotSent notSent) {
            // Not acknowledged: fail the batch so that it is redelivered rather than the event lost.
            throw new IllegalStateException("Could not dead-letter an event from " + topic, notSent);
        }
        meters.counter("clientele.events.dead-lettered", "topic", topic).increment();
        log.warn("Event at {}-{}@{} sent to {}.dlt: {}", topic, partition, offset, topic, reason);
    }
}
