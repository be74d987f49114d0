package io.clientele.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a service keeps committed events until Kafka has them: rows of {@code platform.outbox_event}
 * ({@link JdbcOutboxStore}) or arrays inside the documents whose change raised them (the MongoDB store).
 * The {@link OutboxRelay} owns the loop, the back-off, the producer and the metrics; a store owns finding
 * the waiting events, letting one instance relay at a time (per-key order across instances), and
 * recording what Kafka made of each.
 *
 * @param <P> how the store locates an event (a sequence number, a document)
 */
public interface OutboxStore<P> {

    /** Sends events and says what Kafka made of them; the store calls it once per round. */
    @FunctionalInterface
    interface Sender<P> {
        SendOutcome<P> send(List<PendingEvent<P>> events);
    }

    /**
     * One round: unless another instance relays, takes up to {@code max} waiting events in the order they
     * were committed, hands them to {@code sender}, and records the outcome: acknowledged events are
     * forgotten (or marked), refused ones kept aside for good, failed ones left waiting.
     */
    RelayRound relay(int max, Sender<P> sender);

    /** Events (or, for a document store, documents with events) waiting for Kafka. */
    long pending();

    /** When the oldest waiting event was committed; empty when none waits. */
    Optional<Instant> oldestPending();

    /** Deletes what is past retention; called every {@code cleanup-interval}. */
    default void cleanUp(Instant now) {
    }

    /** Gives up the relay so another instance takes over at once; called on shutdown. */
    default void release() {
    }
}
