package io.clientele.communication.outbox;

import io.clientele.platform.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in documents ({@link EventOutbox#FIELD}) and removes each one from its
 * document only after Kafka acknowledged it. Hinted documents go at once; a sweep finds the rest
 * (written by another instance, or hinted before a crash). While Kafka is unreachable nothing is
 * removed and the relay backs off; when Kafka is back every waiting event is sent, once.
 *
 * <p>At least once in the narrow window where Kafka acknowledged and the process died before the
 * event was removed; consumers de-duplicate by event id.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final OutboxHints hints;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final RelayProperties properties;
    private final Clock clock;
    private final RelayLease lease;
    private final Counter published;
    private final Counter sendFailures;

    private volatile Thread worker;
    private volatile boolean running;
    private Instant lastSweep = Instant.EPOCH;

    OutboxRelay(MongoTemplate mongo, List<OutboxSource> sources, OutboxHints hints,
            DefaultKafkaProducerFactory<String, String> producers, RelayProperties properties, Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.collections = sources.stream().map(OutboxSource::collection).distinct().toList();
        this.hints = hints;
        this.producers = producers;
        // No flush per record: records of a round are batched, and a flush would wait out Kafka's own timeout.
        this.kafka = new KafkaTemplate<>(producers, false);
        this.properties = properties;
        this.clock = clock;
        this.lease = new RelayLease(mongo, clock, properties.leaseDuration());
        this.published = Counter.builder("clientele.outbox.published")
                .description("Events the relay handed to Kafka and Kafka acknowledged").register(meters);
        this.sendFailures = Counter.builder("clientele.outbox.send.failures")
                .description("Relay rounds that failed because Kafka did not acknowledge").register(meters);
        for (String collection : collections) {
            meters.gauge("clientele.outbox.pending", List.of(io.micrometer.core.instrument.Tag.of("collection", collection)),
                    this, relay -> relay.pendingDocuments(collection));
        }
    }

    /**
     * One round: the hinted documents plus, when due, a sweep. Public to the package so that tests can
     * drive it.
     *
     * @return events published, or -1 when Kafka failed
     */
    int relayOnce(Map<String, List<String>> hinted, boolean sweep) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        hinted.forEach((collection, list) -> ids.computeIfAbsent(collection, c -> new LinkedHashSet<>()).addAll(list));
        List<Pending> pending = new ArrayList<>();
        for (String collection : collections) {
            Set<String> wanted = ids.getOrDefault(collection, Set.of());
            List<Document> documents = new ArrayList<>();
            if (!wanted.isEmpty()) {
                Query query = new Query(Criteria.where("_id").in(wanted));
                query.fields().include(EventOutbox.FIELD);
                documents.addAll(mongo.find(query, Document.class, collection));
            }
            if (sweep) {
                Query due = new Query(Criteria.where(EventOutbox.DUE).lte(clock.instant()))
                        .limit(properties.batchSize());
                due.fields().include(EventOutbox.FIELD);
                for (Document document : mongo.find(due, Document.class, collection)) {
                    if (!wanted.contains(String.valueOf(document.get("_id")))) {
                        documents.add(document);
                    }
                }
            }
            for (Document document : documents) {
                List<Document> events = document.getList(EventOutbox.FIELD, Document.class, List.of());
                for (Document event : events) {
                    pending.add(new Pending(collection, document.get("_id"), event.getString("eventId"),
                            event.getString("topic"), event.getString("key"), event.getString("payload"),
                            event.getDate("time")));
                }
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        // Oldest first: one customer's events from several documents leave in the order they happened.
        pending.sort(Comparator.comparing(Pending::time));
        return send(pending);
    }

    private int send(List<Pending> batch) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>(batch.size());
        RuntimeException unreachable = null;
        for (Pending event : batch) {
            try {
                inFlight.add(kafka.send(event.toRecord()));
            } catch (RuntimeException failure) {
                // send() blocks up to max.block.ms for metadata: Kafka is out of reach, do not try the rest.
                unreachable = failure;
                break;
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<Pending> acknowledged = new ArrayList<>();
        Throwable failure = unreachable;
        for (int i = 0; i < inFlight.size(); i++) {
            try {
                inFlight.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                failure = interrupted;
                break;
            } catch (ExecutionException | TimeoutException notAcknowledged) {
                failure = notAcknowledged;
            }
        }
        remove(acknowledged);
        published.increment(acknowledged.size());
        if (failure != null) {
            // A producer that lost its broker may hold state the broker no longer knows; start afresh.
            producers.reset();
            sendFailures.increment();
            log.warn("Outbox relay: {} of {} event(s) not acknowledged by Kafka ({})", batch.size() - acknowledged.size(),
                    batch.size(), failure.toString());
            return -1;
        }
        return acknowledged.size();
    }

    /** Removes acknowledged events from their documents, and the due mark of documents left with none. */
    private void remove(List<Pending> acknowledged) {
        Map<String, Map<Object, List<String>>> byDocument = new LinkedHashMap<>();
        for (Pending event : acknowledged) {
            if (event.id() == null) {
                // Never a pull by a missing id: it would match, and drop, every event without one.
                continue;
            }
            byDocument.computeIfAbsent(event.collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(event.documentId(), d -> new ArrayList<>()).add(event.id());
        }
        byDocument.forEach((collection, documents) -> {
            // One statement for the round: each document loses the acknowledged events it holds (event ids
            // are unique, so pulling all of them from every document touches only each one's own).
            List<String> eventIds = documents.values().stream().flatMap(List::stream).toList();
            mongo.updateMulti(new Query(Criteria.where("_id").in(documents.keySet())),
                    new Update().pull(EventOutbox.FIELD, new Document("eventId", new Document("$in", eventIds))), collection);
            // Conditional: an event added meanwhile keeps its document's mark.
            mongo.updateMulti(new Query(Criteria.where("_id").in(documents.keySet()).and(EventOutbox.FIELD).size(0)),
                    new Update().unset(EventOutbox.DUE), collection);
        });
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
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
        // Released so another instance takes over at once; but a store that has already gone away must not
        // hold up shutdown for the driver's server selection timeout: the lease expires by itself.
        Thread releasing = Thread.ofPlatform().name("outbox-relay-release").daemon().start(() -> {
            try {
                lease.release();
            } catch (RuntimeException mongoGone) {
                // it expires by itself
            }
        });
        try {
            releasing.join(RELEASE_WAIT);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the consumers, so their last events still leave. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                if (!lease.hold()) {
                    // Another instance relays; this one's documents are found by its sweep.
                    hints.take(Integer.MAX_VALUE, 0);
                    Thread.sleep(properties.pollInterval());
                    continue;
                }
                Map<String, List<String>> hinted = hints.take(properties.batchSize(), properties.pollInterval().toMillis());
                Instant now = clock.instant();
                boolean sweep = failures > 0 || Duration.between(lastSweep, now).compareTo(properties.sweepInterval()) >= 0;
                if (sweep) {
                    lastSweep = now;
                }
                int result = relayOnce(hinted, sweep);
                if (result < 0) {
                    failures++;
                    Thread.sleep(backoff(failures));
                } else {
                    if (failures > 0) {
                        log.info("Outbox relay reached Kafka again after {} failed round(s)", failures);
                    }
                    failures = 0;
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                // MongoDB may be briefly unavailable; the events are safe in their documents.
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

    private double pendingDocuments(String collection) {
        try {
            return mongo.count(new Query(Criteria.where(EventOutbox.DUE).exists(true)), collection);
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    private record Pending(String collection, Object documentId, String id, String topic, String key, String payload,
            Date time) {

        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            record.headers().add(new RecordHeader("content-type",
                    EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
