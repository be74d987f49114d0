package io.clientele.scenario.enrollments;

import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.inbox.Inbox;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What scenario-service reads of {@code customer.events} (customers, reservations) and {@code communication.events}
 * (subscription): its own trimmed copies (platform/contracts has the full schemas). Other types are passed by.
 */
final class IncomingEventsV1 {

    static final String CREATED = "customer.created.v1";
    static final String UPDATED = "customer.updated.v1";
    static final String STATUS_CHANGED = "customer.status-changed.v1";
    static final String ERASED = "customer.erased.v1";
    static final String RESERVATION = "reservation.recorded.v1";
    static final String PREFERENCES = "communication.preferences-changed.v1";

    private IncomingEventsV1() {
    }

    /**
     * One event to apply.
     *
     * @param value the customer's status (status-changed, created, updated) or subscription state (preferences)
     * @param change the reservation's change (CREATED, RESCHEDULED, ...)
     * @param birthDate the customer's date of birth (created, updated; null: none, or removed)
     */
    record Received(String eventId, UUID workspaceId, String type, UUID customerId, Boolean synced, String value,
            String language, ReservationFacts reservation, String change, Instant occurredAt, LocalDate birthDate) {

        /** What the inbox remembers of it: its workspace and id. */
        Inbox.Delivery delivery() {
            return new Inbox.Delivery(workspaceId, eventId);
        }
    }

    static Received readCustomerEvent(byte[] bytes) throws UnreadableEvent {
        JsonNode event = EventFields.parse(bytes);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        JsonNode data = envelope.data();
        Received received = switch (envelope.type()) {
            case CREATED, UPDATED -> {
                JsonNode customer = check.object(data, "customer", "data.customer", true);
                yield new Received(envelope.id(), envelope.workspaceId(), envelope.type(),
                        check.uuid(customer, "id", "data.customer.id", true),
                        check.bool(customer, "synced", "data.customer.synced", false),
                        check.text(customer, "status", "data.customer.status", 20, false),
                        check.text(customer, "preferredLanguage", "data.customer.preferredLanguage", 35, false),
                        null, null, envelope.time(), birthDate(check, customer));
            }
            case STATUS_CHANGED -> new Received(envelope.id(), envelope.workspaceId(), envelope.type(),
                    check.uuid(data, "customerId", "data.customerId", true), null,
                    check.text(data, "to", "data.to", 20, true), null, null, null, envelope.time(), null);
            case ERASED -> new Received(envelope.id(), envelope.workspaceId(), envelope.type(),
                    check.uuid(data, "customerId", "data.customerId", true), null, null, null, null, null,
                    envelope.time(), null);
            case RESERVATION -> {
                UUID customer = check.uuid(data, "customerId", "data.customerId", true);
                ReservationFacts reservation = new ReservationFacts(
                        check.uuid(data, "reservationId", "data.reservationId", true), customer,
                        check.text(data, "status", "data.status", 20, true),
                        check.text(data, "service", "data.service", 200, false),
                        check.text(data, "staff", "data.staff", 200, false),
                        check.text(data, "location", "data.location", 200, false),
                        check.instant(data, "startsAt", "data.startsAt", true),
                        check.instant(data, "endsAt", "data.endsAt", false));
                String change = check.text(data, "change", "data.change", 20, true);
                if (change != null && !change.matches("CREATED|RESCHEDULED|CANCELLED|COMPLETED|NO_SHOW")) {
                    check.fail("data.change", "'" + change + "' is not a reservation change");
                }
                Instant occurred = check.instant(data, "occurredAt", "data.occurredAt", true);
                yield new Received(envelope.id(), envelope.workspaceId(), envelope.type(), customer, true, null, null,
                        reservation, change, occurred, null);
            }
            default -> null;
        };
        check.done();
        return received;
    }

    /** A calendar date (yyyy-MM-dd) or null; anything else rejects the event with the field named. */
    private static LocalDate birthDate(EventFields check, JsonNode customer) {
        String text = check.text(customer, "birthDate", "data.customer.birthDate", 10, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            check.fail("data.customer.birthDate", "'" + text + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    static Received readCommunicationEvent(byte[] bytes) throws UnreadableEvent {
        JsonNode event = EventFields.parse(bytes);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        if (!PREFERENCES.equals(envelope.type())) {
            return null;
        }
        JsonNode data = envelope.data();
        Received received = new Received(envelope.id(), envelope.workspaceId(), envelope.type(),
                check.uuid(data, "customerId", "data.customerId", true), null,
                check.text(data, "subscriptionState", "data.subscriptionState", 20, true), null, null, null,
                envelope.time(), null);
        check.done();
        return received;
    }
}
