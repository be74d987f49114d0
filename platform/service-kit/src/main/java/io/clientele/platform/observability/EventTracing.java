package io.clientele.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Carries a trace across the outbox and Kafka. An event is written to the outbox inside the request (or
 * consumer) that raised it and sent later by the relay on its own thread, so the trace context is taken
 * when the event is written ({@link #currentTraceparent}, stored beside the event as a W3C
 * {@code traceparent}), continued by the relay's producer span ({@link #startSend}, which sets the header on
 * the Kafka record) and by the consumer kit's consumer span ({@link #startReceive}). Spans are made with
 * Micrometer Tracing (Brave here), so the backend is a matter of configuration; without a tracer every
 * method does nothing.
 */
public final class EventTracing {

    /** The W3C Trace Context header, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    /** No tracing: nothing is stored, sent or continued. */
    public static final EventTracing NONE = new EventTracing(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the span this thread works in, or null outside any span. */
    public String currentTraceparent() {
        Span current = tracer.currentSpan();
        if (current == null || current.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the producer span of one record: a child of the span that wrote the event, injected into the
     * record's headers (through {@code header}) so the consumer continues from it.
     *
     * @return the span to end once Kafka answered, or null when the event carries no trace
     */
    public Span startSend(String traceparent, String topic, BiConsumer<String, String> header) {
        if (traceparent == null || traceparent.isBlank() || tracer == Tracer.NOOP) {
            return null;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .kind(Span.Kind.PRODUCER).name(topic + " send").remoteServiceName("kafka")
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic).start();
        propagator.inject(span.context(), header, (carrier, key, value) -> carrier.accept(key, value));
        return span;
    }

    /**
     * Starts the consumer span of one record, a child of its producer span; a record without a
     * {@code traceparent} (written by a partner, say) gets none, its work is traced by the batch's span.
     */
    public Span startReceive(String traceparent, String topic) {
        if (traceparent == null || traceparent.isBlank() || tracer == Tracer.NOOP) {
            return Span.NOOP;
        }
        return propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).kind(Span.Kind.CONSUMER).name(topic + " receive").remoteServiceName("kafka")
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic).start();
    }

    /** A span for the work done on a batch of records, a child of {@code parent} when there is one. */
    public Span startProcess(Span parent, String topic, int records) {
        if (tracer == Tracer.NOOP) {
            return Span.NOOP;
        }
        Span span = parent == null || parent.isNoop() ? tracer.nextSpan() : tracer.nextSpan(parent);
        return span.name(topic + " process").tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.batch.message_count", Integer.toString(records)).start();
    }

    /** Makes {@code span} the current one on this thread until the returned scope is closed. */
    public Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }

    /** The trace a span belongs to, or null: records of one trace are processed inside it. */
    public static String traceId(Span span) {
        TraceContext context = span == null || span.isNoop() ? null : span.context();
        return context == null ? null : context.traceId();
    }
}
