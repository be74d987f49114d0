package io.clientele.platform.outbox;

import io.clientele.platform.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
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
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka, in commit order, and marks each one published only after Kafka
 * acknowledged it. While Kafka is unreachable the rows wait and the relay backs off; when it comes back
 * they are sent once. Several instances may run the relay: a transaction-scoped advisory lock lets one
 * relay at a time, so per-key order holds across instances.
 *
 * <p>Delivery is at least once in the narrow window where Kafka acknowledged a record and the process
 * died before the row was marked; consumers de-duplicate by event id (the inbox).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by every instance of a service: the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x0c11e7e1e0b0c5L;

    private static final String SELECT_PENDING = """
            SELECT seq, topic, message_key, payload FROM platform.outbox_event
            WHERE published_at IS NULL AND failed_at IS NULL
            ORDER BY seq LIMIT ? FOR UPDATE""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter published;
    private final Counter sendFailures;
    private final Counter rejected;

    private volatile Thread worker;
    private volatile boolean running;
    private volatile Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions,
            DefaultKafkaProducerFactory<String, String> producers, OutboxProperties properties, Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers, true);
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("clientele.outbox.published")
                .description("Events the relay handed to Kafka and Kafka acknowledged").register(meters);
        this.sendFailures = Counter.builder("clientele.outbox.send.failures")
                .description("Relay attempts that failed because Kafka did not acknowledge").register(meters);
        this.rejected = Counter.builder("clientele.outbox.rejected")
                .description("Events Kafka refused for good (kept in the outbox with failed_at set)").register(meters);
        Gauge.builder("clientele.outbox.pending", this, OutboxRelay::pendingCount)
                .description("Committed events not yet acknowledged by Kafka").register(meters);
    }

    /** Asks the relay to look now instead of at the next poll; called after a transaction with events commits. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Sends one batch of pending events. Public so that tests and operators can drive the relay by hand.
     *
     * @return how the batch went
     */
    public BatchResult relayOnce() {
        BatchResult result = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return BatchResult.EMPTY;
            }
            // An outbox is a queue: its statistics are always out of date (empty when last analysed, a
            // backlog now), and on a small estimate the planner reads every pending row and sorts them,
            // which at a backlog of 100,000 takes seconds per round. The pending index is in seq order;
            // with sorting off for this transaction it is always the plan, whatever the statistics say.
            jdbc.execute("SET LOCAL enable_sort = off");
            List<PendingEvent> batch = jdbc.query(SELECT_PENDING, (rs, i) -> new PendingEvent(rs.getLong("seq"),
                    rs.getString("topic"), rs.getString("message_key"), rs.getString("payload")),
                    properties.batchSize());
            return batch.isEmpty() ? BatchResult.EMPTY : send(batch);
        });
        return result == null ? BatchResult.EMPTY : result;
    }

    private BatchResult send(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> inFlight = new ArrayList<>(batch.size());
        Exception failure = null;
        for (PendingEvent event : batch) {
            try {
                inFlight.add(kafka.send(event.toRecord()));
            } catch (RuntimeException unreachable) {
                // send() blocks up to max.block.ms for metadata; one failure here means Kafka is out of
                // reach, so the rest of the batch is not tried.
                failure = unreachable;
                break;
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().plusSeconds(2).toNanos();
        List<Long> acknowledged = new ArrayList<>();
        List<Object[]> refused = new ArrayList<>();
        List<Object[]> retry = new ArrayList<>();
        for (int i = 0; i < inFlight.size(); i++) {
            PendingEvent event = batch.get(i);
            try {
                inFlight.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(event.seq());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failure = interrupted;
                break;
            } catch (ExecutionException | TimeoutException error) {
                Throwable cause = error instanceof ExecutionException ? rootCause(error) : error;
                if (isPermanent(cause)) {
                    refused.add(new Object[] {describe(cause), event.seq()});
                } else {
                    retry.add(new Object[] {describe(cause), event.seq()});
                    failure = failure == null ? (Exception) error : failure;
                }
            }
        }
        if (failure != null && retry.isEmpty() && inFlight.size() < batch.size()) {
            retry.add(new Object[] {describe(rootCause(failure)), batch.get(inFlight.size()).seq()});
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (!acknowledged.isEmpty()) {
            if (properties.retention().isZero()) {
                jdbc.update("DELETE FROM platform.outbox_event WHERE seq = ANY (?)", (Object) acknowledged.toArray(Long[]::new));
            } else {
                jdbc.update("UPDATE platform.outbox_event SET published_at = ?, attempts = attempts + 1,"
                        + " last_error = NULL WHERE seq = ANY (?)", now, acknowledged.toArray(Long[]::new));
            }
            published.increment(acknowledged.size());
        }
        if (!refused.isEmpty()) {
            jdbc.batchUpdate("UPDATE platform.outbox_event SET failed_at = now(), attempts = attempts + 1,"
                    + " last_error = ? WHERE seq = ?", refused);
            rejected.increment(refused.size());
            log.error("Kafka refused {} outbox event(s) for good; they stay in platform.outbox_event with failed_at set",
                    refused.size());
        }
        if (!retry.isEmpty()) {
            // A producer that lost its broker may hold state (producer id, sequence numbers) the broker
            // no longer knows; the next attempt starts from a fresh one.
            producers.reset();
            jdbc.batchUpdate("UPDATE platform.outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                    retry);
            sendFailures.increment();
        }
        return new BatchResult(batch.size(), acknowledged.size(), failure == null ? null : describe(rootCause(failure)));
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
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (so in-flight requests' events get relayed) and before the datasource. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                BatchResult result = relayOnce();
                cleanUpIfDue();
                if (result.failure() != null) {
                    failures++;
                    Duration pause = backoff(failures);
                    log.warn("Outbox relay could not reach Kafka ({}); {} event(s) wait, next try in {} ms",
                            result.failure(), result.selected() - result.published(), pause.toMillis());
                    Thread.sleep(pause);
                } else {
                    if (failures > 0) {
                        log.info("Outbox relay reached Kafka again after {} failed attempt(s)", failures);
                    }
                    failures = 0;
                    if (result.selected() < properties.batchSize()) {
                        wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                        wakeUps.drainPermits();
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // The database may be briefly unavailable; the rows are safe, so keep trying.
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
        int outbox = jdbc.update("DELETE FROM platform.outbox_event WHERE published_at < ?",
                Timestamp.from(now.minus(properties.retention())));
        int inbox = jdbc.update("DELETE FROM platform.inbox_event WHERE processed_at < ?",
                Timestamp.from(now.minus(properties.inboxRetention())));
        if (outbox + inbox > 0) {
            log.info("Deleted {} published outbox event(s) and {} inbox entries past retention", outbox, inbox);
        }
    }

    private double pendingCount() {
        try {
            Long pending = jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event"
                    + " WHERE published_at IS NULL AND failed_at IS NULL", Long.class);
            return pending == null ? Double.NaN : pending;
        } catch (RuntimeException unavailable) {
            return Double.NaN;
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

    private static String describe(Throwable cause) {
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /**
     * @param selected  events taken from the outbox in this batch
     * @param published events Kafka acknowledged
     * @param failure   why the rest wait, or null
     */
    public record BatchResult(int selected, int published, String failure) {
        static final BatchResult EMPTY = new BatchResult(0, 0, null);
    }

    private record PendingEvent(long seq, String topic, String key, String payload) {
        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            record.headers().add(new RecordHeader("content-type",
                    EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
