package io.clientele.platform.outbox;

import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.observability.EventTracing;
import io.clientele.platform.jdbc.PostgresCopy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox as rows of {@code platform.outbox_event}, inserted through the caller's connection. */
public class JdbcOutbox implements Outbox {

    private static final String INSERT = """
            INSERT INTO platform.outbox_event (id, topic, message_key, event_type, payload, created_at, traceparent)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    /** From this many events on, one COPY writes them instead of a batch of INSERTs. */
    private static final int COPY_THRESHOLD = 100;
    private static final List<String> COLUMNS = List.of("id", "topic", "message_key", "event_type", "payload",
            "created_at", "traceparent");

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;
    private final String source;
    private final Clock clock;
    private final Runnable afterCommit;
    private final EventTracing tracing;

    /** @param copy bulk writes for large batches, or null to write every batch with INSERTs */
    public JdbcOutbox(JdbcTemplate jdbc, PostgresCopy copy, String source, Clock clock, Runnable afterCommit) {
        this(jdbc, copy, source, clock, afterCommit, EventTracing.NONE);
    }

    /** @param tracing where the trace context of the writing request comes from, stored with each event */
    public JdbcOutbox(JdbcTemplate jdbc, PostgresCopy copy, String source, Clock clock, Runnable afterCommit,
            EventTracing tracing) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        this.copy = copy;
        this.source = source;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    @Override
    public String publish(OutgoingEvent event) {
        return publishAll(List.of(event)).getFirst();
    }

    @Override
    public List<String> publishAll(List<OutgoingEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction that changes the state");
        }
        List<String> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        Timestamp now = Timestamp.from(clock.instant());
        String traceparent = tracing.currentTraceparent();
        for (OutgoingEvent event : events) {
            // time-ordered: the unique index on the id takes new events at its end, not at random places
            UUID id = TimeOrderedIds.next();
            String json = EventJson.write(id.toString(), source, event.type(), now.toInstant(), event.subject(),
                    event.workspaceId().toString(), event.data());
            ids.add(id.toString());
            rows.add(new Object[] {id, event.topic(), event.subject(), event.type(), json, now, traceparent});
        }
        if (copy != null && rows.size() >= COPY_THRESHOLD) {
            copy.copy("platform.outbox_event", COLUMNS, rows, (row, line) -> {
                for (Object value : row) {
                    line.value(value instanceof Timestamp timestamp ? timestamp.toInstant() : value);
                }
            });
        } else {
            jdbc.batchUpdate(INSERT, rows);
        }
        if (!events.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        }
        return ids;
    }
}
