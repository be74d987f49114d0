package io.clientele.platform.inbox;

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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Inbox.firstDelivery must run in the transaction that applies the event");
        }
        return jdbc.update("INSERT INTO platform.inbox_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }
}
