package io.clientele.platform.inbox;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers which events a consumer has applied, in the same transaction as the effect: a redelivered
 * event finds its key already recorded and is skipped, and an effect that rolled back leaves no record.
 * <p>
 * Every key carries the workspace the event belongs to: event ids are chosen by producers (partners among
 * them), and an id one workspace's producer used must never make another workspace's event look applied.
 * The API takes {@link Delivery} keys only, so a caller cannot leave the workspace out.
 */
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the inbox remembers of one event: the workspace it belongs to and the id its producer gave it.
     *
     * @param workspaceId the event's workspace (taken from the event, never from its producer's name)
     * @param eventId     the producer's id for the event, unique within what {@code consumer} reads per workspace
     */
    public record Delivery(UUID workspaceId, String eventId) {

        public Delivery {
            Objects.requireNonNull(workspaceId, "an inbox key needs the event's workspace");
            Objects.requireNonNull(eventId, "an inbox key needs the event's id");
        }
    }

    /**
     * Records that {@code consumer} is applying one event.
     *
     * @return true the first time, false when the event was applied before (skip it)
     */
    public boolean firstDelivery(String consumer, Delivery delivery) {
        return !firstDeliveries(consumer, List.of(delivery)).isEmpty();
    }

    /**
     * Records that {@code consumer} is applying a batch of events.
     *
     * @return the keys seen for the first time (in the order given); the others were applied before
     */
    public Set<Delivery> firstDeliveries(String consumer, Collection<Delivery> deliveries) {
        requireTransaction();
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        List<Delivery> distinct = List.copyOf(new LinkedHashSet<>(deliveries));
        List<Delivery> fresh = jdbc.query("""
                INSERT INTO platform.inbox_event (consumer, workspace_id, event_id)
                SELECT ?, w, e FROM unnest(?::uuid[], ?::text[]) AS k(w, e)
                ON CONFLICT DO NOTHING RETURNING workspace_id, event_id""",
                (rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2)),
                consumer, distinct.stream().map(d -> d.workspaceId().toString()).toArray(String[]::new),
                distinct.stream().map(Delivery::eventId).toArray(String[]::new));
        Set<Delivery> inOrder = new LinkedHashSet<>(distinct);
        inOrder.retainAll(Set.copyOf(fresh));
        return inOrder;
    }

    /**
     * Which of these events {@code consumer} has applied already, without recording anything: for work a
     * consumer does ahead of the transaction that applies a batch (and records it), which must not be done
     * again for an event applied long ago.
     */
    public Set<Delivery> appliedBefore(String consumer, Collection<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        List<Delivery> distinct = List.copyOf(new LinkedHashSet<>(deliveries));
        return Set.copyOf(jdbc.query("""
                SELECT i.workspace_id, i.event_id FROM platform.inbox_event i
                JOIN unnest(?::uuid[], ?::text[]) AS k(w, e) ON i.workspace_id = k.w AND i.event_id = k.e
                WHERE i.consumer = ?""", (rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getString(2)),
                distinct.stream().map(d -> d.workspaceId().toString()).toArray(String[]::new),
                distinct.stream().map(Delivery::eventId).toArray(String[]::new), consumer));
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The inbox must be written in the transaction that applies the events");
        }
    }
}
