package io.clientele.platform.outbox;

import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.OutgoingEvent;
import java.util.List;

/**
 * Records integration events in the caller's database transaction; they reach Kafka after it commits,
 * and only if it commits. Calling it outside a transaction is a programming error.
 */
public interface Outbox {

    EventEnvelope publish(OutgoingEvent event);

    List<EventEnvelope> publishAll(List<OutgoingEvent> events);
}
