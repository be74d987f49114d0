package io.clientele.customer.booking;

import io.clientele.customer.customers.BookingContact;
import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Reads a partner's reservation event (a CloudEvent in structured JSON) and checks it against the
 * published contract (platform/contracts: booking.reservation-*.v1): what breaks it is reported field
 * by field, and such an event is never applied.
 */
final class BookingEventReader {

    private BookingEventReader() {
    }

    static ReservationEvent read(byte[] json) throws UnreadableEvent {
        return read(EventFields.parse(json));
    }

    static ReservationEvent read(JsonNode event) throws UnreadableEvent {
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        ReservationChange change = envelope.type() == null ? null
                : ReservationChange.ofEventType(envelope.type()).orElse(null);
        if (envelope.type() != null && change == null) {
            check.fail("type", "'" + envelope.type() + "' is not a reservation event type (booking.reservation-created.v1, "
                    + "-rescheduled.v1, -cancelled.v1, -completed.v1 or -no-show.v1)");
        }
        JsonNode data = envelope.data();
        if (data == null) {
            check.done();
        }
        JsonNode reservation = check.object(data, "reservation", "data.reservation", true);
        JsonNode customer = check.object(data, "customer", "data.customer", true);
        String externalId = check.text(reservation, "externalId", "data.reservation.externalId", 200, true);
        if (externalId != null && envelope.subject() != null && !externalId.equals(envelope.subject())) {
            check.fail("subject", "must be the reservation's externalId ('" + externalId + "')");
        }
        Instant startsAt = check.instant(reservation, "startsAt", "data.reservation.startsAt", true);
        Instant endsAt = check.instant(reservation, "endsAt", "data.reservation.endsAt", false);
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
            check.fail("data.reservation.endsAt", "must not be before startsAt");
        }
        BookingContact contact = new BookingContact(
                check.text(customer, "externalId", "data.customer.externalId", 200, true),
                check.text(customer, "firstName", "data.customer.firstName", 100, false),
                check.text(customer, "lastName", "data.customer.lastName", 100, false),
                check.text(customer, "email", "data.customer.email", 254, false),
                check.text(customer, "phone", "data.customer.phone", 40, false),
                check.text(customer, "language", "data.customer.language", 35, false),
                check.bool(customer, "marketingConsent", "data.customer.marketingConsent", false));
        ReservationEvent read = new ReservationEvent(envelope.id(), envelope.source(), change, envelope.time(),
                envelope.workspaceId(), externalId,
                check.text(reservation, "service", "data.reservation.service", 200, false),
                check.text(reservation, "staff", "data.reservation.staff", 200, false),
                check.text(reservation, "location", "data.reservation.location", 200, false),
                startsAt, endsAt, check.text(reservation, "reason", "data.reservation.reason", 500, false), contact);
        check.done();
        return read;
    }
}
