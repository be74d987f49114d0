package io.clientele.platform.inbox;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers which events a consumer has applied, in the same transaction as the effect: a redelivered
 * event finds its id already recorded and is skipped, and an effect that rolled back leaves no record.
 */
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} is applying {@code eventId}.
     *
     * @return true the first time, false when the event was applied before (skip it)
     */
    public boolean firstDelivery(String consumer, String eventId) {
        requireTransaction();
        return jdbc.update("INSERT INTO platform.inbox_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }

    /**
     * Records that {@code consumer} is applying a batch of events.
     *
     * @return the ids seen for the first time (in the order given); the others were applied before
     */
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        requireTransaction();
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> fresh = jdbc.queryForList("INSERT INTO platform.inbox_event (consumer, event_id)"
                + " SELECT ?, id FROM unnest(?::text[]) AS id ON CONFLICT DO NOTHING RETURNING event_id",
                String.class, consumer, eventIds.toArray(String[]::new));
        Set<String> inOrder = new LinkedHashSet<>(eventIds);
        inOrder.retainAll(Set.copyOf(fresh));
        return inOrder;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The inbox must be written in the transaction that applies the events");
        }
    }
}
