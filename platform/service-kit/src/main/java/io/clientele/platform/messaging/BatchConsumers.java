package io.clientele.platform.messaging;

import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.observability.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final EventTracing tracing;

    public BatchConsumers(DeadLetters deadLetters, MeterRegistry meters) {
        this(deadLetters, meters, EventTracing.NONE);
    }

    /**
     * @param tracing continues each record's trace: a consumer span per record, a child of the producer's
     *                span, and the batch's work in a span inside it when the batch belongs to one trace
     */
    public BatchConsumers(DeadLetters deadLetters, MeterRegistry meters, EventTracing tracing) {
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.tracing = tracing;
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
            List<Span> received = new ArrayList<>(records.size());
            Throwable failure = null;
            try {
                List<T> events = new ArrayList<>(records.size());
                Set<String> traces = new HashSet<>();
                for (ConsumedRecord record : records) {
                    Span span = tracing.startReceive(record.traceparent(), topic);
                    received.add(span);
                    traces.add(String.valueOf(EventTracing.traceId(span)));
                    T event;
                    try {
                        event = reader.read(record.value());
                    } catch (UnreadableEvent broken) {
                        span.tag("clientele.outcome", "dead-lettered");
                        deadLetters.send(record, broken.getMessage());
                        unreadable.increment();
                        continue;
                    }
                    if (event == null) {
                        span.tag("clientele.outcome", "not-followed");
                        passedBy.increment();
                    } else {
                        events.add(event);
                    }
                }
                if (!events.isEmpty()) {
                    // One trace (one request's events, or a quiet stream): the work joins it. Records of several
                    // traces are applied together in a trace of their own; each record's span shows it was received.
                    Span process = tracing.startProcess(traces.size() == 1 ? received.getFirst() : null, topic,
                            events.size());
                    try (Tracer.SpanInScope scope = tracing.inScope(process)) {
                        handler.accept(events);
                    } catch (RuntimeException | Error failed) {
                        process.error(failed);
                        throw failed;
                    } finally {
                        process.end();
                    }
                    read.increment(events.size());
                }
            } catch (RuntimeException | Error failed) {
                failure = failed;
                throw failed;
            } finally {
                for (Span span : received) {
                    if (failure != null) {
                        span.error(failure);
                    }
                    span.end();
                }
            }
        };
    }

    private Counter counter(String topic, String outcome) {
        return Counter.builder("clientele.events.consumed").description("Records consumed, by what became of them")
                .tag("topic", topic).tag("outcome", outcome).register(meters);
    }
}
