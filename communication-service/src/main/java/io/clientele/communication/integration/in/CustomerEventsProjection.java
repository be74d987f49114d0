package io.clientele.communication.integration.in;

import io.clientele.communication.CustomerRef;
import io.clientele.communication.contacts.ContactSnapshot;
import io.clientele.communication.contacts.Contacts;
import io.clientele.communication.erasure.CustomerErasure;
import io.clientele.communication.integration.in.CustomerEventReader.Created;
import io.clientele.communication.integration.in.CustomerEventReader.CustomerEvent;
import io.clientele.communication.integration.in.CustomerEventReader.CustomerV1;
import io.clientele.communication.integration.in.CustomerEventReader.Erased;
import io.clientele.communication.integration.in.CustomerEventReader.ReservationConsent;
import io.clientele.communication.integration.in.CustomerEventReader.Updated;
import io.clientele.communication.preferences.ConsentSource;
import io.clientele.communication.preferences.PreferenceChange;
import io.clientele.communication.preferences.Preferences;
import io.clientele.communication.preferences.SubscriptionState;
import io.clientele.communication.settings.CommunicationSettings;
import io.clientele.communication.settings.WorkspaceSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies customer events: the contact read model, the initial subscription from the consent given at
 * creation (staff form, API, import, booking), the consent a later change states (an import's consent
 * column for a customer known already, or the undo of that import), a booking's consent for a customer
 * known already, and erasure. Each is idempotent (newer-wins contacts, preferences created once, consents
 * recognised by the event id), so a redelivered event changes nothing.
 *
 * <p>A batch is applied a segment at a time, a segment holding at most one event per customer (a customer's
 * second event starts the next segment, so each customer's events apply in order); a segment costs one
 * read and one bulk write per kind of change, whatever its size. An import of 50,000 customers and its
 * undo are 100,000 events: applied one by one, they kept this service behind for tens of minutes.
 *
 * <p>A booking without consent does not unsubscribe anybody: not ticking a box at a partner's booking
 * form is not a withdrawal of consent given before.
 */
@Component
class CustomerEventsProjection {

    private final Contacts contacts;
    private final Preferences preferences;
    private final CustomerErasure erasure;
    private final CommunicationSettings settings;

    CustomerEventsProjection(Contacts contacts, Preferences preferences, CustomerErasure erasure,
            CommunicationSettings settings) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.erasure = erasure;
        this.settings = settings;
    }

    void applyAll(List<CustomerEvent> events) {
        List<CustomerEvent> segment = new ArrayList<>();
        Set<String> inSegment = new HashSet<>();
        for (CustomerEvent event : events) {
            if (!inSegment.add(customerOf(event).key())) {
                applySegment(segment);
                segment.clear();
                inSegment.clear();
                inSegment.add(customerOf(event).key());
            }
            segment.add(event);
        }
        applySegment(segment);
    }

    private void applySegment(List<CustomerEvent> segment) {
        if (segment.isEmpty()) {
            return;
        }
        Map<UUID, WorkspaceSettings> workspaces = settings.ofAll(segment.stream().map(e -> customerOf(e).workspaceId())
                .distinct().toList());
        List<ContactSnapshot> snapshots = new ArrayList<>();
        List<Preferences.Initial> initials = new ArrayList<>();
        List<Runnable> changes = new ArrayList<>();
        Map<CustomerRef, Instant> erasures = new LinkedHashMap<>();
        for (CustomerEvent event : segment) {
            switch (event) {
                case Created created -> {
                    snapshots.add(snapshot(created.workspaceId(), created.customer()));
                    initials.add(new Preferences.Initial(customerOf(created), created.marketingConsent(),
                            ConsentSource.valueOf(created.consentSource()), created.actor(),
                            created.marketingConsent() ? wording(workspaces, created.workspaceId()) : null,
                            created.eventId()));
                }
                case Updated updated -> {
                    snapshots.add(snapshot(updated.workspaceId(), updated.customer()));
                    if (updated.marketingConsent() != null) {
                        boolean consent = updated.marketingConsent();
                        PreferenceChange change = PreferenceChange.subscription(
                                consent ? SubscriptionState.SUBSCRIBED : SubscriptionState.UNSUBSCRIBED,
                                ConsentSource.valueOf(updated.consentSource()), updated.actor(),
                                consent ? wording(workspaces, updated.workspaceId()) : null, updated.eventId(),
                                "Stated with a change of the customer record");
                        changes.add(() -> preferences.change(customerOf(updated), change, true));
                    }
                }
                case Erased erased -> erasures.put(customerOf(erased), erased.erasedAt());
                case ReservationConsent booking -> {
                    if (Boolean.TRUE.equals(booking.marketingConsent())) {
                        PreferenceChange change = PreferenceChange.subscription(SubscriptionState.SUBSCRIBED,
                                ConsentSource.BOOKING,
                                booking.partner() == null ? "system:booking" : "booking:" + booking.partner(),
                                wording(workspaces, booking.workspaceId()), booking.eventId(),
                                booking.reservationId() == null ? null
                                        : "Given while booking reservation " + booking.reservationId());
                        changes.add(() -> preferences.change(customerOf(booking), change, true));
                    }
                }
            }
        }
        // One customer appears once in a segment, so the order of these steps does not matter to anybody.
        contacts.applyAll(snapshots);
        preferences.initializeAll(initials);
        changes.forEach(Runnable::run);
        erasure.eraseAll(erasures);
    }

    private static CustomerRef customerOf(CustomerEvent event) {
        return switch (event) {
            case Created created -> new CustomerRef(created.workspaceId(), created.customer().id());
            case Updated updated -> new CustomerRef(updated.workspaceId(), updated.customer().id());
            case Erased erased -> new CustomerRef(erased.workspaceId(), erased.customerId());
            case ReservationConsent booking -> new CustomerRef(booking.workspaceId(), booking.customerId());
        };
    }

    private static String wording(Map<UUID, WorkspaceSettings> workspaces, UUID workspace) {
        return workspaces.get(workspace).consentWordingVersion();
    }

    private static ContactSnapshot snapshot(UUID workspace, CustomerV1 customer) {
        return new ContactSnapshot(new CustomerRef(workspace, customer.id()), customer.firstName(), customer.lastName(),
                customer.companyName(), customer.email(), customer.phone(), customer.preferredLanguage(),
                customer.updatedAt());
    }
}
