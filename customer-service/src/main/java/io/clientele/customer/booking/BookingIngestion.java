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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(BookingIngestion.class);

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

    /** @return the events that were new (redeliveries are left out) */
    @Transactional
    List<Recorded> apply(List<ReservationEvent> batch) {
        long t0 = System.nanoTime();
        Set<Inbox.Delivery> fresh = inbox.firstDeliveries(INBOX,
                batch.stream().map(ReservationEvent::deliveryKey).toList());
        List<ReservationEvent> events = new ArrayList<>();
        for (ReservationEvent event : batch) {
            if (fresh.remove(event.deliveryKey())) {
                events.add(event);
            }
        }
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        long t1 = System.nanoTime();
        Map<IdentityKey, UUID> customerOf = resolveCustomers(events, now);
        long t2 = System.nanoTime();

        Map<ReservationKey, Stored> states = store.reservations(
                events.stream().map(ReservationEvent::reservationKey).collect(Collectors.toCollection(LinkedHashSet::new)));
        long t3 = System.nanoTime();
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
        long t4 = System.nanoTime();
        this.events.publishEvent(new ReservationEventsRecorded(recorded));
        long t5 = System.nanoTime();
        countCompletedVisits(recorded);
        long t6 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("{} events applied: inbox {} ms, customers {} ms, reservations read {} ms, written {} ms,"
                    + " announced {} ms, REGULAR rule {} ms",
                    events.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000);
        }
        return recorded;
    }

    /** B-2: the partner's id first, then e-mail, then phone; otherwise a new synced customer. */
    private Map<IdentityKey, UUID> resolveCustomers(List<ReservationEvent> events, Instant now) {
        Map<IdentityKey, ReservationEvent> firstMention = new LinkedHashMap<>();
        events.forEach(event -> firstMention.putIfAbsent(event.identityKey(), event));
        Map<IdentityKey, UUID> resolved = new HashMap<>(store.identities(firstMention.keySet()));
        List<IdentityKey> unknown = firstMention.keySet().stream().filter(key -> !resolved.containsKey(key)).toList();
        if (!unknown.isEmpty()) {
            // Several consumers apply batches at once (one per group of partitions), and two batches may
            // bring the same new person. Whoever locks a person's identity, e-mail and phone first creates
            // them; the other waits, then finds them.
            store.lockForCreation(unknown.stream().flatMap(key -> creationKeys(key, firstMention.get(key))).toList());
            resolved.putAll(store.identities(unknown));
        }
        Map<IdentityKey, UUID> newLinks = new HashMap<>();
        Map<UUID, List<IdentityKey>> unresolvedByWorkspace = new LinkedHashMap<>();
        firstMention.keySet().stream().filter(key -> !resolved.containsKey(key))
                .forEach(key -> unresolvedByWorkspace.computeIfAbsent(key.workspaceId(), w -> new ArrayList<>()).add(key));

        unresolvedByWorkspace.forEach((workspace, keys) -> {
            Map<IdentityKey, String> emails = new HashMap<>();
            Map<IdentityKey, String> phones = new HashMap<>();
            String region = customers.defaultCountry(workspace);
            BookingCustomers.Registrations registrations = customers.registrations(workspace);
            for (IdentityKey key : keys) {
                ReservationEvent event = firstMention.get(key);
                String email = BookingCustomers.normaliseEmail(event.customer().email());
                if (email != null) {
                    emails.put(key, email.toLowerCase(Locale.ROOT));
                }
                String phone = event.customer().phone() == null ? null
                        : BookingCustomers.normalisePhone(event.customer().phone(), region);
                if (phone != null) {
                    phones.put(key, phone);
                }
            }
            Map<String, UUID> byEmail = new HashMap<>(customers.byEmail(workspace, new HashSet<>(emails.values())));
            Map<String, UUID> byPhone = new HashMap<>(customers.byPhone(workspace, new HashSet<>(phones.values())));
            Set<UUID> matched = new LinkedHashSet<>();
            for (IdentityKey key : keys) {
                String email = emails.get(key);
                String phone = phones.get(key);
                UUID customer = email != null ? byEmail.get(email) : null;
                if (customer == null && phone != null) {
                    customer = byPhone.get(phone);
                }
                if (customer != null) {
                    matched.add(customer);
                } else {
                    ReservationEvent event = firstMention.get(key);
                    customer = registrations.add(event.customer(), email == null ? null
                            : BookingCustomers.normaliseEmail(event.customer().email()), phone, actor(event));
                    // Later events of this batch for another partner id with the same e-mail or phone
                    // find this customer, as they would had it been created in an earlier batch.
                    if (email != null) {
                        byEmail.put(email, customer);
                    }
                    if (phone != null) {
                        byPhone.putIfAbsent(phone, customer);
                    }
                }
                resolved.put(key, customer);
                newLinks.put(key, customer);
            }
            registrations.write();
            customers.markSynced(workspace, matched, "booking");
        });
        store.link(newLinks, now);
        return resolved;
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

    /** What must not be created twice at once: the partner's customer id, the e-mail, the phone as sent. */
    private static Stream<String> creationKeys(IdentityKey key, ReservationEvent event) {
        Stream.Builder<String> keys = Stream.builder();
        keys.add(key.workspaceId() + "|id|" + key.partner() + "|" + key.externalId());
        String email = BookingCustomers.normaliseEmail(event.customer().email());
        if (email != null) {
            keys.add(key.workspaceId() + "|email|" + email.toLowerCase(Locale.ROOT));
        }
        if (event.customer().phone() != null) {
            keys.add(key.workspaceId() + "|phone|" + event.customer().phone().replaceAll("[^0-9+]", ""));
        }
        return keys.build();
    }

    private static String actor(ReservationEvent event) {
        return "partner:" + event.partner();
    }
}
