package io.clientele.customer.timeline;

import io.clientele.customer.booking.BookingEvents.Recorded;
import io.clientele.customer.booking.BookingEvents.Reservation;
import io.clientele.customer.booking.BookingEvents.ReservationEventsRecorded;
import io.clientele.customer.customers.CustomerEvents.CustomerErased;
import io.clientele.customer.customers.CustomerEvents.CustomerRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.customers.CustomerEvents.CustomersRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomersImported;
import io.clientele.customer.customers.CustomerEvents.ImportUndone;
import io.clientele.customer.customers.CustomerEvents.StatusChanged;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.notes.NoteAdded;
import io.clientele.customer.notes.NoteDeleted;
import io.clientele.customer.notes.NoteEdited;
import io.clientele.customer.notes.NotePriority;
import io.clientele.customer.timeline.TimelineEntry.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * C-10: turns what happens inside customer-service into timeline entries, synchronously in the
 * transaction of the change, and forgets a customer's entries when the customer is erased.
 */
@Component
class TimelineProjection {

    private final Timeline timeline;

    TimelineProjection(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void on(CustomerRegistered event) {
        timeline.record(createdEntry(event));
    }

    @EventListener
    void on(CustomersRegistered event) {
        timeline.record(event.customers().stream().map(TimelineProjection::createdEntry).toList());
    }

    private static TimelineEntry createdEntry(CustomerRegistered event) {
        var customer = event.customer();
        String title = switch (customer.source()) {
            case MANUAL -> "Customer created by staff";
            case API -> "Customer created through the API";
            case IMPORT -> "Customer created by an import";
            case BOOKING -> "Customer created from a booking";
        };
        return new TimelineEntry(event.workspaceId(), customer.id(), customer.createdAt(),
                TimelineType.CUSTOMER_CREATED, title, details("source", customer.source().name(), "actor", event.actor(),
                        "marketingConsent", event.marketingConsent()),
                customerSource(customer.id()), null);
    }

    @EventListener
    void on(CustomerRevised event) {
        var customer = event.customer();
        List<String> fields = event.changedFields();
        String title = fields.equals(List.of("synced")) ? "Linked with a booking system"
                : "Profile updated: " + fieldList(fields);
        timeline.record(new TimelineEntry(event.workspaceId(), customer.id(), customer.updatedAt(),
                TimelineType.PROFILE_UPDATED, title, details("fields", fields, "actor", event.actor()),
                customerSource(customer.id()), null));
    }

    @EventListener
    void on(StatusChanged event) {
        timeline.record(statusEntry(event));
    }

    /**
     * C-9: what an import did to each customer is read from the import's own log (TimelineQueries);
     * only the status changes it made are entries of their own, like any other status change.
     */
    @EventListener
    void on(CustomersImported event) {
        timeline.record(event.statusChanges().stream().map(TimelineProjection::statusEntry).toList());
    }

    @EventListener
    void on(CustomerErased event) {
        timeline.forgetCustomers(event.workspaceId(), List.of(event.customerId()));
    }

    @EventListener
    void on(ImportUndone event) {
        timeline.forgetCustomers(event.workspaceId(), event.removed());
        timeline.record(event.statusChanges().stream().map(TimelineProjection::statusEntry).toList());
    }

    private static TimelineEntry statusEntry(StatusChanged event) {
        String title = (event.from() == null ? "Status set to " + label(event.to())
                : "Status changed from " + label(event.from()) + " to " + label(event.to()))
                + (event.reason() == null || event.reason().isBlank() ? "" : ": " + event.reason());
        return new TimelineEntry(event.workspaceId(), event.customerId(), event.changedAt(),
                TimelineType.STATUS_CHANGED, title, details("from", event.from() == null ? null : event.from().name(),
                        "to", event.to().name(), "changedBy", event.changedBy(), "reason", event.reason()),
                new Source("status-change", null, "/api/v1/customers/" + event.customerId() + "/status-history"),
                null);
    }

    static String fieldList(List<String> fields) {
        return String.join(", ", fields.stream().map(TimelineProjection::words).toList());
    }

    @EventListener
    void on(NoteAdded event) {
        timeline.record(new TimelineEntry(event.workspaceId(), event.customerId(), event.createdAt(),
                TimelineType.NOTE_ADDED, noteTitle(event.priority(), event.preview()),
                details("priority", event.priority().name(), "author", event.author()),
                noteSource(event.customerId(), event.noteId()), null));
    }

    @EventListener
    void on(NoteEdited event) {
        timeline.revise(event.workspaceId(), event.customerId(), "note", event.noteId().toString(),
                noteTitle(event.priority(), event.preview()), details("priority", event.priority().name(),
                        "editedAt", event.editedAt()));
    }

    @EventListener
    void on(NoteDeleted event) {
        timeline.forget(event.workspaceId(), event.customerId(), "note", event.noteId().toString());
    }

    /** Every partner event is history, including a late one that no longer changed the reservation. */
    @EventListener
    void on(ReservationEventsRecorded event) {
        timeline.record(event.events().stream().filter(recorded -> recorded.customerId() != null)
                .map(TimelineProjection::reservationEntry).toList());
    }

    private static TimelineEntry reservationEntry(Recorded recorded) {
        Reservation reported = recorded.reported();
        String what = reported.service() == null ? "" : ": " + reported.service();
        String title = switch (recorded.change()) {
            case CREATED -> "Reservation booked" + what;
            case RESCHEDULED -> "Reservation moved" + what;
            case CANCELLED -> "Reservation cancelled" + what
                    + (reported.cancelReason() == null ? "" : " (" + reported.cancelReason() + ")");
            case COMPLETED -> "Visit completed" + what;
            case NO_SHOW -> "No-show" + what;
        };
        TimelineType type = switch (recorded.change()) {
            case CREATED -> TimelineType.RESERVATION_CREATED;
            case RESCHEDULED -> TimelineType.RESERVATION_RESCHEDULED;
            case CANCELLED -> TimelineType.RESERVATION_CANCELLED;
            case COMPLETED -> TimelineType.RESERVATION_COMPLETED;
            case NO_SHOW -> TimelineType.RESERVATION_NO_SHOW;
        };
        Map<String, Object> details = details("reservationId", reported.id(), "partner", reported.partner(),
                "externalId", reported.externalId(), "service", reported.service(), "staff", reported.staff(),
                "location", reported.location(), "startsAt", reported.startsAt(), "endsAt", reported.endsAt(),
                "previousStartsAt", recorded.previousStartsAt(), "cancelReason", reported.cancelReason(),
                "eventId", recorded.eventId());
        if (!recorded.applied()) {
            // Arrived after a newer event had already decided the reservation's state.
            details.put("late", true);
        }
        return new TimelineEntry(recorded.workspaceId(), recorded.customerId(), recorded.occurredAt(), type, title,
                details, new Source("reservation", reported.id().toString(),
                        "/api/v1/customers/" + recorded.customerId() + "/reservations"), null);
    }

    private static String noteTitle(NotePriority priority, String preview) {
        return (priority == NotePriority.NONE ? "Note: " : "Note (" + priority.name().toLowerCase(Locale.ROOT)
                + " priority): ") + preview;
    }

    static Source customerSource(UUID customerId) {
        return new Source("customer", customerId.toString(), "/api/v1/customers/" + customerId);
    }

    private static Source noteSource(UUID customerId, UUID noteId) {
        return new Source("note", noteId.toString(), "/api/v1/customers/" + customerId + "/notes");
    }

    private static String label(LifecycleStatus status) {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "firstName" reads "first name", "address.city" reads "address city". */
    private static String words(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2").replace('.', ' ').toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> details(Object... keysAndValues) {
        return TimelineEntry.details(keysAndValues);
    }
}
