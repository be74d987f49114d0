package io.clientele.customer.integration.out;

import io.clientele.customer.booking.BookingEvents.Reservation;
import io.clientele.customer.booking.BookingEvents.ReservationEventsRecorded;
import io.clientele.customer.customers.CustomerEvents.CustomerErased;
import io.clientele.customer.customers.CustomerEvents.CustomerRegistered;
import io.clientele.customer.customers.CustomerEvents.CustomerRevised;
import io.clientele.customer.customers.CustomerEvents.CustomersImported;
import io.clientele.customer.customers.CustomerEvents.CustomersRegistered;
import io.clientele.customer.customers.CustomerEvents.ImportUndone;
import io.clientele.customer.customers.CustomerEvents.StatusChanged;
import io.clientele.customer.integration.out.CustomerEventsV1.CustomerCreatedV1;
import io.clientele.customer.integration.out.CustomerEventsV1.CustomerErasedV1;
import io.clientele.customer.integration.out.CustomerEventsV1.CustomerStatusChangedV1;
import io.clientele.customer.integration.out.CustomerEventsV1.CustomerUpdatedV1;
import io.clientele.customer.integration.out.CustomerEventsV1.CustomerV1;
import io.clientele.customer.integration.out.CustomerEventsV1.NoteAddedV1;
import io.clientele.customer.integration.out.CustomerEventsV1.ReservationRecordedV1;
import io.clientele.customer.notes.NoteAdded;
import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Maps domain events to integration events and records them in the outbox, synchronously and so in
 * the transaction that made the change: the change and its event commit together or not at all.
 */
@Component
class CustomerEventsOutbound {

    private final Outbox outbox;
    private final WaitingEvents waiting;

    CustomerEventsOutbound(Outbox outbox, WaitingEvents waiting) {
        this.outbox = outbox;
        this.waiting = waiting;
    }

    @EventListener
    void on(CustomerRegistered event) {
        outbox.publish(created(event));
    }

    @EventListener
    void on(CustomersRegistered event) {
        publishAll(event.customers().stream().map(CustomerEventsOutbound::created).toList());
    }

    @EventListener
    void on(CustomerRevised event) {
        outbox.publish(updated(event, "STAFF"));
    }

    @EventListener
    void on(StatusChanged event) {
        outbox.publish(statusChanged(event));
    }

    /** The customer's events not yet gone to Kafka carry their data: they go; the erasure is announced. */
    @EventListener
    void on(CustomerErased event) {
        waiting.forget(event.workspaceId(), List.of(event.customerId()));
        outbox.publish(erased(event.workspaceId(), event.customerId(), event.erasedAt()));
    }

    /** One import chunk: thousands of events, recorded in one batch. */
    @EventListener
    void on(CustomersImported event) {
        List<OutgoingEvent> all = new ArrayList<>(event.created().size() + event.revised().size()
                + event.statusChanges().size());
        event.created().forEach(created -> all.add(created(created)));
        event.revised().forEach(revised -> all.add(updated(revised, "IMPORT")));
        event.statusChanges().forEach(change -> all.add(statusChanged(change)));
        publishAll(all);
    }

    /** Customers an undone import had created are gone for every service; restored ones are updates. */
    @EventListener
    void on(ImportUndone event) {
        waiting.forget(event.workspaceId(), event.removed());
        List<OutgoingEvent> all = new ArrayList<>();
        event.removed().forEach(id -> all.add(erased(event.workspaceId(), id, event.at())));
        event.restored().forEach(revised -> all.add(updated(revised, "IMPORT")));
        event.statusChanges().forEach(change -> all.add(statusChanged(change)));
        publishAll(all);
    }

    private static OutgoingEvent created(CustomerRegistered event) {
        String consentSource = switch (event.customer().source()) {
            case MANUAL -> "STAFF";
            case API -> "API";
            case IMPORT -> "IMPORT";
            case BOOKING -> "BOOKING";
        };
        return event(CustomerEventsV1.CREATED, event.workspaceId(), event.customer().id(),
                new CustomerCreatedV1(CustomerV1.of(event.customer()), event.marketingConsent(), consentSource,
                        event.actor()));
    }

    private static OutgoingEvent updated(CustomerRevised event, String consentSource) {
        return event(CustomerEventsV1.UPDATED, event.workspaceId(), event.customer().id(),
                new CustomerUpdatedV1(CustomerV1.of(event.customer()), event.changedFields(), event.actor(),
                        event.marketingConsent(), event.marketingConsent() == null ? null : consentSource));
    }

    private static OutgoingEvent statusChanged(StatusChanged event) {
        return event(CustomerEventsV1.STATUS_CHANGED, event.workspaceId(), event.customerId(),
                new CustomerStatusChangedV1(event.customerId(), event.from() == null ? null : event.from().name(),
                        event.to().name(), event.changedBy(), event.reason(), event.changedAt()));
    }

    private static OutgoingEvent erased(UUID workspaceId, UUID customerId, java.time.Instant at) {
        return event(CustomerEventsV1.ERASED, workspaceId, customerId, new CustomerErasedV1(customerId, at));
    }

    @EventListener
    void on(NoteAdded event) {
        publish(CustomerEventsV1.NOTE_ADDED, event.workspaceId(), event.customerId(),
                new NoteAddedV1(event.customerId(), event.noteId(), event.priority().name(), event.createdAt()));
    }

    /** Announces the reservation changes (not the late events that changed nothing), in one go. */
    @EventListener
    void on(ReservationEventsRecorded event) {
        List<OutgoingEvent> changes = event.events().stream()
                .filter(recorded -> recorded.applied() && recorded.customerId() != null)
                .map(recorded -> {
                    Reservation reservation = recorded.current();
                    return new OutgoingEvent(CustomerEventsV1.TOPIC, CustomerEventsV1.RESERVATION_RECORDED,
                            recorded.workspaceId(), recorded.customerId().toString(), new ReservationRecordedV1(
                                    recorded.customerId(), reservation.id(), reservation.partner(),
                                    reservation.externalId(), recorded.change().name(), reservation.status().name(),
                                    reservation.service(), reservation.staff(), reservation.location(),
                                    reservation.startsAt(), reservation.endsAt(), recorded.previousStartsAt(),
                                    recorded.marketingConsent(), recorded.occurredAt(), true));
                })
                .toList();
        publishAll(changes);
    }

    private void publish(String type, UUID workspaceId, UUID customerId, Object data) {
        outbox.publish(event(type, workspaceId, customerId, data));
    }

    private void publishAll(List<OutgoingEvent> events) {
        if (!events.isEmpty()) {
            outbox.publishAll(events);
        }
    }

    private static OutgoingEvent event(String type, UUID workspaceId, UUID customerId, Object data) {
        return new OutgoingEvent(CustomerEventsV1.TOPIC, type, workspaceId, customerId.toString(), data);
    }
}
