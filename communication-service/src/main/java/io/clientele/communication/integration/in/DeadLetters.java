package io.clientele.communication.integration.in;

import io.clientele.platform.events.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Puts an event or command communication-service cannot apply on {@code <topic>.dlt}, unchanged, with
 * the reason in headers, and waits for Kafka to have it: only then may the stream move past it.
 */
class DeadLetters {

    static final String REASON = "clientele-dlt-reason";
    static final String ORIGINAL_TOPIC = "clientele-dlt-original-topic";
    static final String ORIGINAL_PARTITION = "clientele-dlt-original-partition";
    static final String ORIGINAL_OFFSET = "clientele-dlt-original-offset";
    static final String CONSUMER = "clientele-dlt-consumer";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, String> kafka;
    private final MeterRegistry meters;

    DeadLetters(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.meters = meters;
    }

    void send(String topic, Object partition, Object offset, Object key, byte[] value, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic + ".dlt", text(key),
                value == null ? null : new String(value, StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("content-type",
                EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        header(record, REASON, reason.length() > 4000 ? reason.substring(0, 4000) : reason);
        header(record, ORIGINAL_TOPIC, topic);
        header(record, ORIGINAL_PARTITION, String.valueOf(partition));
        header(record, ORIGINAL_OFFSET, String.valueOf(offset));
        header(record, CONSUMER, "communication-service");
        try {
            kafka.send(record).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering an event from " + topic, interrupted);
        } catch (ExecutionException | TimeoutException notSent) {
            // Not acknowledged: fail the batch so that it is redelivered rather than the event lost.
            throw new IllegalStateException("Could not dead-letter an event from " + topic, notSent);
        }
        meters.counter("clientele.events.dead-lettered", "topic", topic).increment();
        log.warn("Event at {}-{}@{} sent to {}.dlt: {}", topic, partition, offset, topic, reason);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Object key) {
        return switch (key) {
            case byte[] raw -> new String(raw, StandardCharsets.UTF_8);
            case String string -> string;
            case null, default -> null;
        };
    }
}
