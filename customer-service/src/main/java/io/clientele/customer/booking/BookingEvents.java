package io.clientele.customer.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What booking integration raised in one transaction, for the rest of customer-service: the outgoing
 * integration events and the timeline listen to it.
 */
public final class BookingEvents {

    private BookingEvents() {
    }

    /**
     * Partner events were recorded.
     *
     * @param events every newly received event, in order, each saying whether it changed the reservation
     */
    public record ReservationEventsRecorded(List<Recorded> events) {
    }

    /**
     * One partner event and what it did.
     *
     * @param applied          whether it changed the reservation (false for an event older than the one that
     *                         decided the current state: it is history, not news)
     * @param previousStartsAt where the reservation started before this event, if it existed
     * @param current          the reservation after the event (unchanged when not applied)
     * @param reported         the reservation as this event described it (the same as current when applied)
     */
    public record Recorded(UUID workspaceId, UUID customerId, String eventId, ReservationChange change,
            Instant occurredAt, boolean applied, Instant previousStartsAt, Boolean marketingConsent,
            Reservation current, Reservation reported) {
    }

    /** A reservation as it stands. */
    public record Reservation(UUID id, String partner, String externalId, ReservationStatus status, String service,
            String staff, String location, Instant startsAt, Instant endsAt, String cancelReason) {
    }
}
