package io.clientele.platform.messaging;

import io.clientele.platform.observability.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts an event a consumer cannot apply on {@code <topic>.dlt}, unchanged (same key, same bytes), with
 * why and where from in headers, and waits for Kafka to have it: only then may the stream move past it.
 * Every service's dead letters carry the same headers, so one tool reads them all.
 */
public class DeadLetters {

    /** Why the event could not be applied: every violation, {@code path: message; ...}, at most 4,000 characters. */
    public static final String REASON = "clientele-dlt-reason";
    public static final String ORIGINAL_TOPIC = "clientele-dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "clientele-dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "clientele-dlt-original-offset";
    /** The consumer group (the service) that refused it: several services read one topic. */
    public static final String CONSUMER = "clientele-dlt-consumer";

    static final int MAX_REASON = 4000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final AcknowledgedProducer producer;
    private final String consumer;
    private final MeterRegistry meters;

    public DeadLetters(AcknowledgedProducer producer, String consumer, MeterRegistry meters) {
        this.producer = producer;
        this.consumer = consumer;
        this.meters = meters;
    }

    /**
     * Dead-letters one record.
     *
     * @throws IllegalStateException when Kafka did not take it: the batch fails and is redelivered, so the
     *                               event is never lost
     */
    public void send(ConsumedRecord record, String reason) {
        String why = reason == null || reason.isBlank() ? "unreadable" : reason;
        if (why.length() > MAX_REASON) {
            why = why.substring(0, MAX_REASON - 1) + "…";
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REASON, why);
        headers.put(ORIGINAL_TOPIC, record.topic());
        headers.put(ORIGINAL_PARTITION, String.valueOf(record.partition()));
        headers.put(ORIGINAL_OFFSET, String.valueOf(record.offset()));
        headers.put(CONSUMER, consumer);
        if (record.traceparent() != null) {
            // whoever replays the dead letter continues the trace it came with
            headers.put(EventTracing.TRACEPARENT, record.traceparent());
        }
        try {
            producer.send(record.topic() + ".dlt", record.keyText(), record.valueText(), headers);
        } catch (AcknowledgedProducer.NotSent notSent) {
            throw new IllegalStateException("Could not dead-letter an event from " + record.topic(), notSent);
        }
        Counter.builder("clientele.events.dead-lettered").description("Events a consumer could not apply, sent to <topic>.dlt")
                .tag("topic", record.topic()).register(meters).increment();
        log.warn("Event at {}-{}@{} sent to {}.dlt: {}", record.topic(), record.partition(), record.offset(),
                record.topic(), why);
    }
}
