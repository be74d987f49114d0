package io.clientele.platform.outbox;

import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.OutgoingEvent;
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
            INSERT INTO platform.outbox_event (id, topic, message_key, event_type, payload, created_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final String source;
    private final Clock clock;
    private final Runnable afterCommit;

    public JdbcOutbox(JdbcTemplate jdbc, String source, Clock clock, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    @Override
    public EventEnvelope publish(OutgoingEvent event) {
        return publishAll(List.of(event)).getFirst();
    }

    @Override
    public List<EventEnvelope> publishAll(List<OutgoingEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction that changes the state");
        }
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        Timestamp now = Timestamp.from(clock.instant());
        for (OutgoingEvent event : events) {
            EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                    source, event.type(), now.toInstant(), event.subject(), event.workspaceId().toString(),
                    "application/json", EventJson.toTree(event.data()));
            envelopes.add(envelope);
            rows.add(new Object[] {UUID.fromString(envelope.id()), event.topic(), event.subject(), event.type(),
                    EventJson.write(envelope), now});
        }
        jdbc.batchUpdate(INSERT, rows);
        if (!events.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        }
        return envelopes;
    }
}
