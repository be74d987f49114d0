package io.clientele.customer.booking;

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
class DeadLetters {

    static final String REASON = "clientele-dlt-reason";
    static final String ORIGINAL_TOPIC = "clientele-dlt-original-topic";
    static final String ORIGINAL_PARTITION = "clientele-dlt-original-partition";
    static final String ORIGINAL_OFFSET = "clientele-dlt-original-offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final BookingProducer producer;
    private final MeterRegistry meters;

    DeadLetters(BookingProducer producer, MeterRegistry meters) {
        this.producer = producer;
        this.meters = meters;
    }

    void send(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
        try {
            producer.send(topic + ".dlt", key == null ? null : new String(key, StandardCharsets.UTF_8),
                    value == null ? null : new String(value, StandardCharsets.UTF_8), Map.of(
                            REASON, reason,
                            ORIGINAL_TOPIC, topic,
                            ORIGINAL_PARTITION, String.valueOf(partition),
                            ORIGINAL_OFFSET, String.valueOf(offset)));
        } catch (BookingProducer.NotSent notSent) {
            // Not acknowledged: fail the batch so that it is redelivered rather than the event lost.
            throw new IllegalStateException("Could not dead-letter an event from " + topic, notSent);
        }
        meters.counter("clientele.booking.events.dead-lettered").increment();
        log.warn("Event at {}-{}@{} sent to {}.dlt: {}", topic, partition, offset, topic, reason);
    }
}
