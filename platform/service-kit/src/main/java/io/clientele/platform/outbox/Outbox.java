package io.clientele.platform.outbox;

import io.clientele.platform.events.OutgoingEvent;
import java.util.List;

/**
 * Records integration events in the caller's database transaction; they reach Kafka after it commits,
 * and only if it commits. Calling it outside a transaction is a programming error.
 */
public interface Outbox {

    /** @return the event's id (the CloudEvents {@code id} consumers de-duplicate by) */
    String publish(OutgoingEvent event);

    /** @return the events' ids, in the order given */
    List<String> publishAll(List<OutgoingEvent> events);
}
