package io.clientele.platform.outbox.mongo;

import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.platform.observability.EventTracing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox of a MongoDB service: events become {@link StoredEvent}s ({@link #pending}), are added to the
 * very update that changes the document ({@link #addTo}), and the relay is told which documents were
 * written ({@link #written}) so it publishes them at once rather than at its next sweep.
 */
public class MongoOutbox {

    /** The array of waiting events in an outbox document. */
    public static final String FIELD = "outbox";
    /** When the oldest waiting event of a document was raised; absent when none waits (sparse index). */
    public static final String DUE = "outboxDue";

    private final String source;
    private final Clock clock;
    private final MongoOutboxStore store;
    private final Runnable wakeUp;
    private final EventTracing tracing;

    public MongoOutbox(String source, Clock clock, MongoOutboxStore store, Runnable wakeUp) {
        this(source, clock, store, wakeUp, EventTracing.NONE);
    }

    /** @param tracing where the trace context of the writing request comes from, stored with each event */
    public MongoOutbox(String source, Clock clock, MongoOutboxStore store, Runnable wakeUp, EventTracing tracing) {
        this.tracing = tracing;
        this.source = source;
        this.clock = clock;
        this.store = store;
        this.wakeUp = wakeUp;
    }

    /** The CloudEvents of these integration events, ready to be stored. */
    public List<StoredEvent> pending(List<OutgoingEvent> events) {
        Instant now = clock.instant();
        String traceparent = tracing.currentTraceparent();
        List<StoredEvent> pending = new ArrayList<>(events.size());
        for (OutgoingEvent event : events) {
            String id = TimeOrderedIds.next().toString();
            pending.add(new StoredEvent(id, event.type(), event.topic(), event.subject(), now, EventJson.write(id,
                    source, event.type(), now, event.subject(), event.workspaceId().toString(), event.data()), traceparent));
        }
        return pending;
    }

    /** Adds the events to a document update: they are stored by the same atomic write as the change. */
    public Update addTo(Update update, List<StoredEvent> events) {
        if (events.isEmpty()) {
            return update;
        }
        update.push(FIELD).each(events.toArray());
        update.min(DUE, events.getFirst().time());
        return update;
    }

    /** The events of these documents were stored: relay them now. */
    public void written(String collection, Collection<?> documentIds) {
        if (!documentIds.isEmpty()) {
            store.hint(collection, documentIds);
            wakeUp.run();
        }
    }
}
