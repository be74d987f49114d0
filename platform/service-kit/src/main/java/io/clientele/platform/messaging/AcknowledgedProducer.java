package io.clientele.platform.messaging;

import io.clientele.platform.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends a CloudEvent as text and waits until Kafka acknowledged it, or says why not: for what a service
 * writes to Kafka outside its outbox (dead letters, a partners' HTTP intake), where the caller must know
 * the record is safe before it goes on.
 */
public class AcknowledgedProducer {

    private final KafkaTemplate<String, String> kafka;
    private final Duration timeout;

    public AcknowledgedProducer(KafkaTemplate<String, String> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
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
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NotSent(interrupted);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException failed) {
            throw new NotSent(failed);
        }
    }
}
