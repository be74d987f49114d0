package io.clientele.platform.messaging;

import io.clientele.platform.events.UnreadableEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * Builds a service's batch consumers (Spring Cloud Stream functions, Kafka binder, batch mode, native
 * decoding) the one way: each record is read by the service's {@link EventReader}; one that breaks its
 * contract goes to {@code <topic>.dlt} with the reason and its neighbours go on; the readable ones are
 * handed to the service in one call, in order, to apply in as few round trips as it can.
 *
 * <p>A failure of the handler (the store or Kafka is unavailable) fails the batch, which the error handler
 * ({@link ConsumerKitAutoConfiguration}) retries with growing pauses until it applies: pausing the stream
 * loses nothing, skipping the batch would. Handlers must therefore be idempotent (the inbox, or upserts).
 */
public class BatchConsumers {

    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    public BatchConsumers(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /**
     * @param topic   the topic the binding reads (named in dead letters and metrics)
     * @param reader  bytes to the service's own event record
     * @param handler applies the readable events of one batch
     */
    public <T> Consumer<Message<List<byte[]>>> of(String topic, EventReader<T> reader, Consumer<List<T>> handler) {
        Counter read = counter(topic, "handled");
        Counter passedBy = counter(topic, "not-followed");
        Counter unreadable = counter(topic, "dead-lettered");
        return message -> {
            List<ConsumedRecord> records = ConsumedRecord.of(topic, message);
            List<T> events = new ArrayList<>(records.size());
            for (ConsumedRecord record : records) {
                T event;
                try {
                    event = reader.read(record.value());
                } catch (UnreadableEvent broken) {
                    deadLetters.send(record, broken.getMessage());
                    unreadable.increment();
                    continue;
                }
                if (event == null) {
                    passedBy.increment();
                } else {
                    events.add(event);
                }
            }
            if (!events.isEmpty()) {
                handler.accept(events);
                read.increment(events.size());
            }
        };
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder("clientele.events.consumed").description("Records consumed, by what became of them")
                .tag("topic", topic).tag("outcome", outcome).register(meters);
    }
}
