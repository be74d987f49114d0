package io.clientele.platform.outbox.mongo;

import io.clientele.platform.outbox.OutboxStore;
import io.clientele.platform.outbox.PendingEvent;
import io.clientele.platform.outbox.RelayRound;
import io.clientele.platform.outbox.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox as arrays of {@link StoredEvent}s inside the documents whose change raised them (MongoDB has
 * no multi-document transactions here, so event and change are one atomic document write). Documents this
 * instance wrote are hinted and relayed within milliseconds; a sweep over the sparse {@link MongoOutbox#DUE}
 * index finds the rest (written by another instance, hinted before a crash, or left by a failed round).
 * One instance relays at a time, holding a lease ({@link RelayLease}).
 *
 * <p>An event Kafka refuses for good is copied, with the reason, to {@value #FAILED} (kept for operators)
 * and removed from its document, so it never blocks the events after it.
 */
public class MongoOutboxStore implements OutboxStore<MongoOutboxStore.Location> {

    /** Events Kafka refused for good, by event id, with the reason. */
    public static final String FAILED = "outbox_failed";
    private static final int HINT_LIMIT = 100_000;

    /** Where a waiting event is: its document. */
    public record Location(String collection, Object documentId) {
    }

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;
    private final Duration sweepInterval;
    private final RelayLease lease;
    private final Map<String, Set<Object>> hints = new LinkedHashMap<>();
    private int hinted;
    private Instant lastSweep = Instant.EPOCH;
    private boolean lastRoundFailed;

    public MongoOutboxStore(MongoTemplate mongo, List<OutboxSource> sources, Clock clock, Duration sweepInterval,
            Duration leaseDuration) {
        this.mongo = mongo;
        this.collections = sources.stream().map(OutboxSource::collection).distinct().toList();
        this.clock = clock;
        this.sweepInterval = sweepInterval;
        this.lease = new RelayLease(mongo, clock, leaseDuration);
        for (String collection : collections) {
            // Sparse: only documents with waiting events are in it, so the sweep reads nothing else.
            mongo.indexOps(collection).createIndex(new Index(MongoOutbox.DUE, Sort.Direction.ASC).sparse()
                    .named("outbox_due"));
        }
    }

    /** Documents this instance wrote with events. Only a hint: what is lost here the sweep finds anyway. */
    synchronized void hint(String collection, Collection<?> documentIds) {
        Set<Object> ids = hints.computeIfAbsent(collection, c -> new LinkedHashSet<>());
        for (Object id : documentIds) {
            // Past the limit the sweep takes over; the hints only make it faster.
            if (hinted < HINT_LIMIT && ids.add(id)) {
                hinted++;
            }
        }
    }

    private synchronized Map<String, List<Object>> takeHints(int max) {
        Map<String, List<Object>> taken = new LinkedHashMap<>();
        int left = max;
        for (var entry : hints.entrySet()) {
            List<Object> ids = new ArrayList<>();
            var iterator = entry.getValue().iterator();
            while (left > 0 && iterator.hasNext()) {
                ids.add(iterator.next());
                iterator.remove();
                left--;
                hinted--;
            }
            if (!ids.isEmpty()) {
                taken.put(entry.getKey(), ids);
            }
        }
        return taken;
    }

    private synchronized boolean hintsWaiting() {
        return hinted > 0;
    }

    private synchronized void dropHints() {
        hints.clear();
        hinted = 0;
    }

    @Override
    public RelayRound relay(int max, Sender<Location> sender) {
        if (!lease.hold()) {
            // Another instance relays; this one's documents are found by that one's sweep.
            dropHints();
            return RelayRound.NOT_HOLDER;
        }
        Map<String, List<Object>> taken = takeHints(max);
        Instant now = clock.instant();
        boolean sweep = lastRoundFailed || Duration.between(lastSweep, now).compareTo(sweepInterval) >= 0;
        if (sweep) {
            lastSweep = now;
        }
        boolean sweptFull = false;
        List<Waiting> waiting = new ArrayList<>();
        for (String collection : collections) {
            List<Object> wanted = taken.getOrDefault(collection, List.of());
            Set<String> wantedKeys = new LinkedHashSet<>();
            wanted.forEach(id -> wantedKeys.add(String.valueOf(id)));
            List<Document> documents = new ArrayList<>();
            if (!wanted.isEmpty()) {
                Query query = new Query(Criteria.where("_id").in(wanted));
                query.fields().include(MongoOutbox.FIELD);
                documents.addAll(mongo.find(query, Document.class, collection));
            }
            if (sweep) {
                Query due = new Query(Criteria.where(MongoOutbox.DUE).lte(now)).limit(max);
                due.fields().include(MongoOutbox.FIELD);
                List<Document> found = mongo.find(due, Document.class, collection);
                sweptFull |= found.size() >= max;
                for (Document document : found) {
                    if (!wantedKeys.contains(String.valueOf(document.get("_id")))) {
                        documents.add(document);
                    }
                }
            }
            for (Document document : documents) {
                for (Document event : document.getList(MongoOutbox.FIELD, Document.class, List.of())) {
                    waiting.add(new Waiting(new PendingEvent<>(new Location(collection, document.get("_id")),
                            event.getString("eventId"), event.getString("topic"), event.getString("key"),
                            event.getString("payload"), event.getString("traceparent")), event.getDate("time"),
                            event.getString("type")));
                }
            }
        }
        if (waiting.isEmpty()) {
            lastRoundFailed = false;
            return new RelayRound(true, 0, 0, hintsWaiting() || sweptFull, null);
        }
        // Oldest first: one customer's events from several documents leave in the order they happened.
        waiting.sort(Comparator.comparing(Waiting::time, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<PendingEvent<Location>> batch = waiting.stream().map(Waiting::event).toList();
        SendOutcome<Location> outcome = sender.send(batch);
        setAside(outcome.refused(), waiting);
        List<PendingEvent<Location>> done = new ArrayList<>(outcome.acknowledged());
        outcome.refused().forEach(refusal -> done.add(refusal.event()));
        remove(done);
        lastRoundFailed = outcome.failure() != null;
        return new RelayRound(true, batch.size(), outcome.acknowledged().size(), hintsWaiting() || sweptFull,
                outcome.failure());
    }

    /** Keeps refused events, with why, where operators find them; idempotent (by event id). */
    private void setAside(List<SendOutcome.Refusal<Location>> refused, List<Waiting> waiting) {
        Instant now = clock.instant();
        for (SendOutcome.Refusal<Location> refusal : refused) {
            PendingEvent<Location> event = refusal.event();
            if (event.id() == null) {
                continue;
            }
            String type = waiting.stream().filter(w -> w.event() == event).map(Waiting::type).findFirst().orElse(null);
            mongo.upsert(new Query(Criteria.where("_id").is(event.id())), new Update()
                    .set("collection", event.position().collection())
                    .set("documentId", event.position().documentId())
                    .set("type", type)
                    .set("topic", event.topic())
                    .set("key", event.key())
                    .set("payload", event.payload())
                    .set("error", refusal.reason())
                    .set("failedAt", now), FAILED);
        }
    }

    /** Removes events from their documents, and the due mark of documents left with none. */
    private void remove(List<PendingEvent<Location>> events) {
        Map<String, Map<Object, List<String>>> byDocument = new LinkedHashMap<>();
        for (PendingEvent<Location> event : events) {
            if (event.id() == null) {
                // Never a pull by a missing id: it would match, and drop, every event without one.
                continue;
            }
            byDocument.computeIfAbsent(event.position().collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(event.position().documentId(), d -> new ArrayList<>()).add(event.id());
        }
        byDocument.forEach((collection, documents) -> {
            // One statement for the round: each document loses the events it holds of these (event ids are
            // unique, so pulling all of them from every document touches only each one's own).
            List<String> eventIds = documents.values().stream().flatMap(List::stream).toList();
            mongo.updateMulti(new Query(Criteria.where("_id").in(documents.keySet())),
                    new Update().pull(MongoOutbox.FIELD, new Document("eventId", new Document("$in", eventIds))),
                    collection);
            // Conditional: an event added meanwhile keeps its document's mark.
            mongo.updateMulti(new Query(Criteria.where("_id").in(documents.keySet()).and(MongoOutbox.FIELD).size(0)),
                    new Update().unset(MongoOutbox.DUE), collection);
        });
    }

    @Override
    public long pending() {
        long documents = 0;
        for (String collection : collections) {
            documents += mongo.count(new Query(Criteria.where(MongoOutbox.DUE).exists(true)), collection);
        }
        return documents;
    }

    @Override
    public Optional<Instant> oldestPending() {
        Instant oldest = null;
        for (String collection : collections) {
            Query first = new Query(Criteria.where(MongoOutbox.DUE).exists(true))
                    .with(Sort.by(Sort.Direction.ASC, MongoOutbox.DUE)).limit(1);
            first.fields().include(MongoOutbox.DUE);
            Document document = mongo.findOne(first, Document.class, collection);
            Date due = document == null ? null : document.getDate(MongoOutbox.DUE);
            if (due != null && (oldest == null || due.toInstant().isBefore(oldest))) {
                oldest = due.toInstant();
            }
        }
        return Optional.ofNullable(oldest);
    }

    @Override
    public void release() {
        lease.release();
    }

    private record Waiting(PendingEvent<Location> event, Date time, String type) {
    }
}
