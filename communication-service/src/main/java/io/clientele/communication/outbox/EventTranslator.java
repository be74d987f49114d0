package io.clientele.communication.outbox;

import io.clientele.platform.events.OutgoingEvent;
import java.util.List;

/**
 * Maps the service's domain events to the versioned integration events on the wire. Implemented at
 * the edge (integration.out), so features raise their own events and never name a wire format.
 */
public interface EventTranslator {

    /** @return the integration events a domain event becomes; empty for one that is not published */
    List<OutgoingEvent> translate(Object domainEvent);
}
