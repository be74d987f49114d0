package io.clientele.customer.kafka;

import io.clientele.platform.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a CloudEvent as text and waits until Kafka acknowledged it, or says why not: for what
 * customer-service writes to Kafka outside the outbox (dead letters, the partners' HTTP intake).
 */
public class AcknowledgedProducer {

    private final KafkaTemplate<String, String> kafka;

    AcknowledgedProducer(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Thrown when Kafka did not acknowledge in time: nothing may be taken as sent. */
    public static final class NotSent extends Exception {
        NotSent(Throwable cause) {
            super(cause);
        }
    }

    public void send(String topic, String key, String value, Map<String, String> headers) throws NotSent {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(new RecordHeader("content-type",
                EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        headers.forEach((name, text) -> record.headers().add(new RecordHeader(name, text.getBytes(StandardCharsets.UTF_8))));
        try {
            kafka.send(record).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotSent(interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new NotSent(failed);
        }
    }
}
