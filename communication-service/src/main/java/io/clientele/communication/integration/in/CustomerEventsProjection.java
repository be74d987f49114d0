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
import org.springframework.stereotype.Component;

/**
 * Applies customer events: the contact read model, the initial subscription from the consent given at
 * creation (staff form, API, import, booking), the consent a later change states (an import's consent
 * column for a customer known already, or the undo of that import), a booking's consent for a customer
 * known already, and erasure. Each is idempotent (newer-wins contacts, preferences created once, consents recognised by the
 * event id), so a redelivered event changes nothing.
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

    void apply(CustomerEvent event) {
        switch (event) {
            case Created created -> {
                CustomerRef customer = new CustomerRef(created.workspaceId(), created.customer().id());
                contacts.apply(snapshot(created.workspaceId(), created.customer()));
                preferences.initialize(customer, created.marketingConsent(), ConsentSource.valueOf(created.consentSource()),
                        created.actor(), created.marketingConsent() ? wording(created.workspaceId()) : null,
                        created.eventId());
            }
            case Updated updated -> {
                contacts.apply(snapshot(updated.workspaceId(), updated.customer()));
                if (updated.marketingConsent() != null) {
                    boolean consent = updated.marketingConsent();
                    preferences.change(new CustomerRef(updated.workspaceId(), updated.customer().id()),
                            PreferenceChange.subscription(consent ? SubscriptionState.SUBSCRIBED : SubscriptionState.UNSUBSCRIBED,
                                    ConsentSource.valueOf(updated.consentSource()), updated.actor(),
                                    consent ? wording(updated.workspaceId()) : null, updated.eventId(),
                                    "Stated with a change of the customer record"),
                            true);
                }
            }
            case Erased erased -> erasure.erase(new CustomerRef(erased.workspaceId(), erased.customerId()), erased.erasedAt());
            case ReservationConsent booking -> {
                if (!Boolean.TRUE.equals(booking.marketingConsent())) {
                    return;
                }
                preferences.change(new CustomerRef(booking.workspaceId(), booking.customerId()),
                        PreferenceChange.subscription(SubscriptionState.SUBSCRIBED, ConsentSource.BOOKING,
                                booking.partner() == null ? "system:booking" : "booking:" + booking.partner(),
                                wording(booking.workspaceId()), booking.eventId(),
                                booking.reservationId() == null ? null : "Given while booking reservation " + booking.reservationId()),
                        true);
            }
        }
    }

    private String wording(java.util.UUID workspace) {
        return settings.of(workspace).consentWordingVersion();
    }

    private static ContactSnapshot snapshot(java.util.UUID workspace, CustomerV1 customer) {
        return new ContactSnapshot(new CustomerRef(workspace, customer.id()), customer.firstName(), customer.lastName(),
                customer.companyName(), customer.email(), customer.phone(), customer.preferredLanguage(),
                customer.updatedAt());
    }
}
