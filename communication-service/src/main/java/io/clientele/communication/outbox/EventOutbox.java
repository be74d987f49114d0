package io.clientele.communication.outbox;

import io.clientele.communication.Ids;
import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.OutgoingEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The outbox of a MongoDB service: a feature turns its domain events into {@link PendingEvent}s, adds
 * them to the very update that changes its document ({@link #addTo}), and tells the relay which
 * documents it wrote ({@link #written}) so they are published at once rather than at the next sweep.
 */
@Component
public class EventOutbox {

    /** The array of pending events in an outbox document. */
    public static final String FIELD = "outbox";
    /** When the oldest pending event of a document was raised; absent when none waits (sparse index). */
    public static final String DUE = "outboxDue";

    static final String SOURCE = "/communication-service";

    private final EventTranslator translator;
    private final OutboxHints hints;
    private final Clock clock;

    EventOutbox(EventTranslator translator, OutboxHints hints, Clock clock) {
        this.translator = translator;
        this.hints = hints;
        this.clock = clock;
    }

    /** The integration events of these domain events, ready to be stored. */
    public List<PendingEvent> pending(Object... domainEvents) {
        Instant now = clock.instant();
        List<PendingEvent> pending = new ArrayList<>();
        for (Object domainEvent : domainEvents) {
            for (OutgoingEvent event : translator.translate(domainEvent)) {
                String id = Ids.newId().toString();
                EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, id, SOURCE, event.type(), now,
                        event.subject(), event.workspaceId().toString(), "application/json",
                        EventJson.toTree(event.data()));
                pending.add(new PendingEvent(id, event.type(), event.topic(), event.subject(), now,
                        EventJson.write(envelope)));
            }
        }
        return pending;
    }

    /** Adds the events to a document update: they are stored by the same atomic write as the change. */
    public Update addTo(Update update, List<PendingEvent> events) {
        if (events.isEmpty()) {
            return update;
        }
        update.push(FIELD).each(events.toArray());
        update.min(DUE, events.getFirst().time());
        return update;
    }

    /** The events of these documents were stored: relay them now. */
    public void written(String collection, Collection<String> ids) {
        hints.offer(collection, ids);
    }
}
