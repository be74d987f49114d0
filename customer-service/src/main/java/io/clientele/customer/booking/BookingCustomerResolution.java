package io.clientele.customer.booking;

import io.clientele.customer.booking.ReservationEvent.IdentityKey;
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
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * B-2 for a batch of partner events, in a short transaction of its own before the batch is applied: each
 * event's customer is found by the partner's id, then e-mail, then phone, or created as a synced customer,
 * and the partner's id is linked to them.
 * <p>
 * Several consumers apply batches at once, and two batches may bring the same new person; whoever locks the
 * person's identity, e-mail and phone first creates them, the other waits, then finds them. Doing this
 * apart means the wait lasts as long as the creating, not as long as the other batch's whole application
 * (which held the locks till its end: a third of the consumers' time on a backlog, issue 18). If the
 * batch then fails, the customers stay created and are found again when it goes round; events the inbox
 * says were applied long ago are left out here, so a redelivered event never brings back an erased person.
 */
@Service
class BookingCustomerResolution {

    private final Inbox inbox;
    private final ReservationStore store;
    private final BookingCustomers customers;
    private final Clock clock;

    BookingCustomerResolution(Inbox inbox, ReservationStore store, BookingCustomers customers, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.customers = customers;
        this.clock = clock;
    }

    /** @return each event's customer by its identity, for the events not applied before */
    @Transactional
    Map<IdentityKey, UUID> resolve(List<ReservationEvent> batch) {
        Set<Inbox.Delivery> applied = inbox.appliedBefore(BookingIngestion.INBOX,
                batch.stream().map(ReservationEvent::deliveryKey).toList());
        List<ReservationEvent> events = batch.stream().filter(event -> !applied.contains(event.deliveryKey())).toList();
        return events.isEmpty() ? Map.of() : resolveCustomers(events, clock.instant());
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
