package io.clientele.platform.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox as rows of {@code platform.outbox_event}. A round runs in one transaction holding a
 * transaction-scoped advisory lock, so one instance relays at a time; the rows it sends are locked
 * until Kafka's answer is recorded, and a crash in between leaves them pending.
 */
public class JdbcOutboxStore implements OutboxStore<Long> {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutboxStore.class);
    /** Arbitrary constant shared by every instance of a service: the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x0c11e7e1e0b0c5L;

    private static final String SELECT_PENDING = """
            SELECT seq, topic, message_key, payload, traceparent FROM platform.outbox_event
            WHERE published_at IS NULL AND failed_at IS NULL
            ORDER BY seq LIMIT ? FOR UPDATE""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final Duration inboxRetention;

    /**
     * @param retention      how long acknowledged events stay (marked) for inspection; zero deletes them at once
     * @param inboxRetention how long consumers' processed event ids are remembered
     */
    public JdbcOutboxStore(JdbcTemplate jdbc, TransactionTemplate transactions, Duration retention,
            Duration inboxRetention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retention = retention;
        this.inboxRetention = inboxRetention;
    }

    @Override
    public RelayRound relay(int max, Sender<Long> sender) {
        RelayRound round = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return RelayRound.NOT_HOLDER;
            }
            // An outbox is a queue: its statistics are always out of date (empty when last analysed, a
            // backlog now), and on a small estimate the planner reads every pending row and sorts them,
            // which at a backlog of 100,000 takes seconds per round. The pending index is in seq order;
            // with sorting off for this transaction it is always the plan, whatever the statistics say.
            jdbc.execute("SET LOCAL enable_sort = off");
            List<PendingEvent<Long>> batch = jdbc.query(SELECT_PENDING, (rs, i) -> new PendingEvent<>(rs.getLong("seq"),
                    null, rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                    rs.getString("traceparent")), max);
            if (batch.isEmpty()) {
                return RelayRound.IDLE;
            }
            SendOutcome<Long> outcome = sender.send(batch);
            record(outcome);
            return new RelayRound(true, batch.size(), outcome.acknowledged().size(), batch.size() >= max,
                    outcome.failure());
        });
        return round == null ? RelayRound.IDLE : round;
    }

    private void record(SendOutcome<Long> outcome) {
        if (!outcome.acknowledged().isEmpty()) {
            Long[] seqs = outcome.acknowledged().stream().map(PendingEvent::position).toArray(Long[]::new);
            if (retention.isZero()) {
                jdbc.update("DELETE FROM platform.outbox_event WHERE seq = ANY (?)", (Object) seqs);
            } else {
                jdbc.update("UPDATE platform.outbox_event SET published_at = now(), attempts = attempts + 1,"
                        + " last_error = NULL WHERE seq = ANY (?)", (Object) seqs);
            }
        }
        if (!outcome.refused().isEmpty()) {
            jdbc.batchUpdate("UPDATE platform.outbox_event SET failed_at = now(), attempts = attempts + 1,"
                    + " last_error = ? WHERE seq = ?", rows(outcome.refused()));
        }
        if (!outcome.failed().isEmpty()) {
            jdbc.batchUpdate("UPDATE platform.outbox_event SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                    rows(outcome.failed()));
        }
    }

    private static List<Object[]> rows(List<SendOutcome.Refusal<Long>> refusals) {
        return refusals.stream().map(r -> new Object[] {r.reason(), r.event().position()}).toList();
    }

    @Override
    public long pending() {
        Long pending = jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event"
                + " WHERE published_at IS NULL AND failed_at IS NULL", Long.class);
        return pending == null ? 0 : pending;
    }

    @Override
    public Optional<Instant> oldestPending() {
        // The pending index is in seq order, and seq follows commit order closely enough for an age.
        List<Timestamp> oldest = jdbc.queryForList("SELECT created_at FROM platform.outbox_event"
                + " WHERE published_at IS NULL AND failed_at IS NULL ORDER BY seq LIMIT 1", Timestamp.class);
        return oldest.stream().findFirst().map(Timestamp::toInstant);
    }

    @Override
    public void cleanUp(Instant now) {
        int outbox = jdbc.update("DELETE FROM platform.outbox_event WHERE published_at < ?",
                Timestamp.from(now.minus(retention)));
        int inbox = jdbc.update("DELETE FROM platform.inbox_event WHERE processed_at < ?",
                Timestamp.from(now.minus(inboxRetention)));
        if (outbox + inbox > 0) {
            log.info("Deleted {} published outbox event(s) and {} inbox entries past retention", outbox, inbox);
        }
    }
}
