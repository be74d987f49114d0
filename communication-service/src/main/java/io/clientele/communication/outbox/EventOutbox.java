package io.clientele.communication.outbox;

import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.outbox.mongo.MongoOutbox;
import io.clientele.platform.outbox.mongo.StoredEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The service kit's MongoDB outbox as communication-service's features use it: a feature hands over its
 * own domain events, which the {@link EventTranslator} (at the edge, integration.out) turns into the
 * versioned integration events; they are added to the very update that changes the feature's document
 * and relayed once it is written.
 */
@Component
public class EventOutbox {

    /** The array of waiting events in an outbox document. */
    public static final String FIELD = MongoOutbox.FIELD;
    /** When the oldest waiting event of a document was raised; absent when none waits. */
    public static final String DUE = MongoOutbox.DUE;

    private final EventTranslator translator;
    private final MongoOutbox outbox;

    EventOutbox(EventTranslator translator, MongoOutbox outbox) {
        this.translator = translator;
        this.outbox = outbox;
    }

    /** The integration events of these domain events, ready to be stored. */
    public List<StoredEvent> pending(Object... domainEvents) {
        List<OutgoingEvent> events = new ArrayList<>();
        for (Object domainEvent : domainEvents) {
            events.addAll(translator.translate(domainEvent));
        }
        return outbox.pending(events);
    }

    /** Adds the events to a document update: they are stored by the same atomic write as the change. */
    public Update addTo(Update update, List<StoredEvent> events) {
        return outbox.addTo(update, events);
    }

    /** The events of these documents were stored: relay them now. */
    public void written(String collection, Collection<String> ids) {
        outbox.written(collection, ids);
    }
}
