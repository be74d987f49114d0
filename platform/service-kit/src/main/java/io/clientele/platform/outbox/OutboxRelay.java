package io.clientele.platform.outbox;

import io.clientele.platform.observability.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Moves committed events from a service's {@link OutboxStore} to Kafka, in commit order, and lets the
 * store forget each one only after Kafka acknowledged it. While Kafka is unreachable the events wait and
 * the relay backs off; when it comes back they are sent once. An event Kafka refuses for good (too large,
 * an invalid topic) is set aside by the store and counted, never retried forever. Several instances may
 * run the relay; the store lets one relay at a time, so per-key order holds across instances.
 *
 * <p>Delivery is at least once in the narrow window where Kafka acknowledged a record and the process
 * died before the store recorded it; consumers de-duplicate by event id (the inbox).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore<?> store;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter sendFailures;
    private final Counter rejected;
    private final EventTracing tracing;

    private volatile Thread worker;
    private volatile boolean running;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(OutboxStore<?> store, DefaultKafkaProducerFactory<String, String> producers,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this(store, producers, properties, clock, meters, EventTracing.NONE);
    }

    /** @param tracing continues each event's stored trace with a producer span, sent along in the record's headers */
    public OutboxRelay(OutboxStore<?> store, DefaultKafkaProducerFactory<String, String> producers,
            OutboxProperties properties, Clock clock, MeterRegistry meters, EventTracing tracing) {
        this.tracing = tracing;
        this.store = store;
        this.producers = producers;
        // No flush per record: a round's records travel in a few produce requests, and the round waits for
        // their acknowledgements together (a flush per record made the relay one round trip per event).
        this.kafka = new KafkaTemplate<>(producers, false);
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("clientele.outbox.published")
                .description("Events the relay handed to Kafka and Kafka acknowledged").register(meters);
        this.sendFailures = Counter.builder("clientele.outbox.send.failures")
                .description("Relay rounds in which Kafka did not acknowledge every event").register(meters);
        this.rejected = Counter.builder("clientele.outbox.rejected")
                .description("Events Kafka refused for good (kept aside by the store)").register(meters);
        Gauge.builder("clientele.outbox.pending", this, OutboxRelay::pendingCount)
                .description("Committed events not yet acknowledged by Kafka (documents holding them, for MongoDB)")
                .register(meters);
        Gauge.builder("clientele.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest waiting event has waited; 0 when none waits").register(meters);
    }

    /** Asks the relay to look now instead of at the next poll; called after a write with events. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Sends one batch of pending events. Public so that tests and operators can drive the relay by hand.
     *
     * @return how the round went
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public RelayRound relayOnce() {
        OutboxStore raw = store;
        return raw.relay(properties.batchSize(), batch -> send((List) batch));
    }

    <P> SendOutcome<P> send(List<PendingEvent<P>> batch) {
        List<CompletableFuture<SendResult<String, String>>> inFlight = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        Exception failure = null;
        for (PendingEvent<P> event : batch) {
            ProducerRecord<String, String> record = event.toRecord();
            Span span = tracing.startSend(event.traceparent(), event.topic(), (name, value) ->
                    record.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
            spans.add(span);
            try {
                inFlight.add(kafka.send(record));
            } catch (RuntimeException notSent) {
                if (isPermanent(rootCause(notSent))) {
                    // Refused before it left (too large, say): answered like a refusal by the broker.
                    inFlight.add(CompletableFuture.failedFuture(rootCause(notSent)));
                    continue;
                }
                // send() blocks up to max.block.ms for metadata; one failure here means Kafka is out of
                // reach, so the rest of the batch is not tried.
                failure = notSent;
                break;
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().plusSeconds(2).toNanos();
        List<PendingEvent<P>> acknowledged = new ArrayList<>();
        List<SendOutcome.Refusal<P>> refused = new ArrayList<>();
        List<SendOutcome.Refusal<P>> failed = new ArrayList<>();
        for (int i = 0; i < inFlight.size(); i++) {
            PendingEvent<P> event = batch.get(i);
            try {
                inFlight.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(event);
                end(spans.set(i, null), null);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failure = interrupted;
                break;
            } catch (ExecutionException | TimeoutException error) {
                Throwable cause = error instanceof ExecutionException ? rootCause(error) : error;
                end(spans.set(i, null), cause);
                if (isPermanent(cause)) {
                    refused.add(new SendOutcome.Refusal<>(event, describe(cause)));
                } else {
                    failed.add(new SendOutcome.Refusal<>(event, describe(cause)));
                    failure = failure == null ? (Exception) error : failure;
                }
            }
        }
        // Spans of records never handed to Kafka, or not answered (interrupted), end as failed sends.
        for (Span span : spans) {
            end(span, failure);
        }
        if (failure != null && failed.isEmpty() && inFlight.size() < batch.size()) {
            // Nothing was tried: the first waiting event carries the reason for operators.
            failed.add(new SendOutcome.Refusal<>(batch.get(inFlight.size()), describe(rootCause(failure))));
        }
        published.increment(acknowledged.size());
        if (!refused.isEmpty()) {
            rejected.increment(refused.size());
            log.error("Kafka refused {} outbox event(s) for good ({}); they are kept aside, not retried", refused.size(),
                    refused.getFirst().reason());
        }
        if (failure != null) {
            // A producer that lost its broker may hold state (producer id, sequence numbers) the broker no
            // longer knows; the next attempt starts from a fresh one.
            producers.reset();
            sendFailures.increment();
        }
        return new SendOutcome<>(acknowledged, refused, failed, failure == null ? null : describe(rootCause(failure)));
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // Released so another instance takes over at once; a store that has gone away must not hold up
        // shutdown for its driver's timeouts (what a store holds expires by itself).
        Thread releasing = Thread.ofPlatform().name("outbox-relay-release").daemon().start(() -> {
            try {
                store.release();
            } catch (RuntimeException storeGone) {
                log.debug("Outbox relay not released ({}); it expires by itself", storeGone.toString());
            }
        });
        try {
            releasing.join(Duration.ofSeconds(2));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the consumers (so their last events get relayed) and before the store. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                RelayRound round = relayOnce();
                cleanUpIfDue();
                if (!round.holder()) {
                    // Another instance relays; it finds this instance's events too.
                    failures = 0;
                    Thread.sleep(properties.pollInterval());
                } else if (round.failure() != null) {
                    failures++;
                    Duration pause = backoff(failures);
                    log.warn("Outbox relay could not reach Kafka ({}); {} event(s) wait, next try in {} ms",
                            round.failure(), round.selected() - round.published(), pause.toMillis());
                    Thread.sleep(pause);
                } else {
                    if (failures > 0) {
                        log.info("Outbox relay reached Kafka again after {} failed attempt(s)", failures);
                    }
                    failures = 0;
                    if (!round.more()) {
                        wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wakeUps.drainPermits();
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // The store may be briefly unavailable; the events are safe in it, so keep trying.
                failures++;
                log.warn("Outbox relay failed: {}", unexpected.toString());
                try {
                    Thread.sleep(backoff(failures));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    Duration backoff(int failures) {
        long millis = properties.initialBackoff().toMillis() << Math.min(failures - 1, 16);
        return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
    }

    private void cleanUpIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCleanup, now).compareTo(properties.cleanupInterval()) < 0) {
            return;
        }
        lastCleanup = now;
        store.cleanUp(now);
    }

    private double pendingCount() {
        try {
            return store.pending();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private double oldestAgeSeconds() {
        try {
            return store.oldestPending()
                    .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private static void end(Span span, Throwable error) {
        if (span != null) {
            if (error != null) {
                span.error(error);
            }
            span.end();
        }
    }

    private static boolean isPermanent(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidTopicException || cause instanceof SerializationException;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String describe(Throwable cause) {
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
