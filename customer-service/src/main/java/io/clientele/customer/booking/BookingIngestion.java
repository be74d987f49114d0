package io.clientele.customer.booking;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.customer.booking.BookingEvents.Recorded;
import io.clientele.customer.booking.BookingEvents.Reservation;
import io.clientele.customer.booking.BookingEvents.ReservationEventsRecorded;
import io.clientele.customer.booking.ReservationEvent.IdentityKey;
import io.clientele.customer.booking.ReservationEvent.ReservationKey;
import io.clientele.customer.booking.ReservationStore.Stored;
import io.clientele.customer.customers.BookingCustomers;
import io.clientele.platform.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies partner reservation events (B-1 to B-4, C-2, C-8), a batch at a time in one transaction:
 * <ol>
 *   <li>events already applied (same workspace, partner and id) are dropped: the inbox remembers them;</li>
 *   <li>each event's customer is found by the partner's id, then e-mail, then phone, or created (B-2);</li>
 *   <li>each reservation takes the state of its newest event, whatever order they arrive in (B-4);</li>
 *   <li>changes are announced (reservation.recorded.v1) and completed visits count toward REGULAR (C-2).</li>
 * </ol>
 */
@Service
class BookingIngestion {

    static final String INBOX = "customer-service:booking.reservations";

    private final Inbox inbox;
    private final ReservationStore store;
    private final BookingCustomers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingIngestion(Inbox inbox, ReservationStore store, BookingCustomers customers,
            ApplicationEventPublisher events, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param customerOf each event's customer, as {@link BookingCustomerResolution} found or created them
     * @return the events that were new (redeliveries are left out)
     */
    @Transactional
    List<Recorded> apply(List<ReservationEvent> batch, Map<IdentityKey, UUID> customerOf) {
        Set<Inbox.Delivery> fresh = inbox.firstDeliveries(INBOX,
                batch.stream().map(ReservationEvent::deliveryKey).toList());
        List<ReservationEvent> events = new ArrayList<>();
        for (ReservationEvent event : batch) {
            if (fresh.remove(event.deliveryKey())) {
                if (!customerOf.containsKey(event.identityKey())) {
                    // Applied elsewhere after the resolution looked, then undone? Never expected: the batch
                    // goes round again and the resolution looks anew.
                    throw new IllegalStateException("no customer resolved for event " + event.eventId());
                }
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<ReservationKey, Stored> states = store.reservations(
                events.stream().map(ReservationEvent::reservationKey).collect(Collectors.toCollection(LinkedHashSet::new)));
        Map<ReservationKey, Stored> changed = new LinkedHashMap<>();
        List<Recorded> recorded = new ArrayList<>();
        for (ReservationEvent event : events) {
            ReservationKey key = event.reservationKey();
            Stored before = states.get(key);
            UUID customer = customerOf.get(event.identityKey());
            Reservation reported = new Reservation(before == null ? TimeOrderedIds.next() : before.reservation().id(),
                    event.partner(), event.externalId(), event.change().status(), event.service(), event.staff(),
                    event.location(), event.startsAt(), event.endsAt(),
                    event.change() == ReservationChange.CANCELLED ? event.reason() : null);
            if (before == null || event.isNewerThan(before.lastEventAt(), before.lastEventRank())) {
                Stored after = new Stored(reported, customer, event.occurredAt(), event.change().rank(),
                        event.eventId(), before == null);
                states.put(key, after);
                changed.put(key, after);
                recorded.add(new Recorded(event.workspaceId(), customer, event.eventId(), event.change(),
                        event.occurredAt(), true, before == null ? null : before.reservation().startsAt(),
                        event.customer().marketingConsent(), reported, reported));
            } else {
                // Older than what decided the state: history for the timeline, no change to announce.
                recorded.add(new Recorded(event.workspaceId(), customer, event.eventId(), event.change(),
                        event.occurredAt(), false, null, event.customer().marketingConsent(), before.reservation(),
                        reported));
            }
        }
        store.save(changed, now);
        this.events.publishEvent(new ReservationEventsRecorded(recorded));
        countCompletedVisits(recorded);
        return recorded;
    }

    /** C-2: NEW becomes REGULAR when the workspace's number of completed reservations is reached. */
    private void countCompletedVisits(List<Recorded> recorded) {
        Map<UUID, UUID> workspaceOf = new LinkedHashMap<>();
        recorded.stream().filter(r -> r.applied() && r.change() == ReservationChange.COMPLETED && r.customerId() != null)
                .forEach(r -> workspaceOf.put(r.customerId(), r.workspaceId()));
        if (workspaceOf.isEmpty()) {
            return;
        }
        Map<UUID, Map<UUID, Integer>> byWorkspace = new LinkedHashMap<>();
        store.completedCountsOfNewCustomers(workspaceOf.keySet()).forEach((customer, completed) -> byWorkspace
                .computeIfAbsent(workspaceOf.get(customer), workspace -> new HashMap<>()).put(customer, completed));
        byWorkspace.forEach(customers::recordCompletedReservations);
    }

}
