package io.clientele.communication.integration.in;

import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads what communication-service needs of {@code customer.events} into its own trimmed records:
 * who the customer is and how to reach them, the consent given at creation, stated by a later change (an
 * import's consent column, an import's undo) or given while booking, and erasure. Other types (status changes, notes) are none of its business and are skipped; so are fields
 * it does not know.
 */
final class CustomerEventReader {

    private CustomerEventReader() {
    }

    sealed interface CustomerEvent permits Created, Updated, Erased, ReservationConsent {
    }

    /** The customer fields the contact read model keeps. */
    record CustomerV1(UUID id, String firstName, String lastName, String companyName, String email, String phone,
            String preferredLanguage, Instant updatedAt) {
    }

    record Created(String eventId, UUID workspaceId, CustomerV1 customer, boolean marketingConsent, String consentSource,
            String actor) implements CustomerEvent {
    }

    /**
     * @param marketingConsent the consent the change stated, or null when it stated none
     * @param consentSource    where it was stated; set whenever marketingConsent is
     */
    record Updated(String eventId, UUID workspaceId, CustomerV1 customer, Boolean marketingConsent,
            String consentSource, String actor) implements CustomerEvent {
    }

    record Erased(String eventId, UUID workspaceId, UUID customerId, Instant erasedAt) implements CustomerEvent {
    }

    /** @param marketingConsent null: the booking said nothing about consent */
    record ReservationConsent(String eventId, UUID workspaceId, UUID customerId, Boolean marketingConsent,
            String partner, UUID reservationId) implements CustomerEvent {
    }

    /** @return the event, or null for a type this service does not follow (status changes, notes) */
    static CustomerEvent read(byte[] json) throws UnreadableEvent {
        JsonNode event = EventFields.parse(json);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        JsonNode data = envelope.data();
        CustomerEvent read = switch (envelope.type()) {
            case "customer.created.v1" -> new Created(envelope.id(), envelope.workspaceId(),
                    customer(check, data), Boolean.TRUE.equals(check.bool(data, "marketingConsent", "data.marketingConsent", true)),
                    source(check, data), actor(check, data));
            case "customer.updated.v1" -> updated(check, envelope, data);
            case "customer.erased.v1" -> new Erased(envelope.id(), envelope.workspaceId(),
                    check.uuid(data, "customerId", "data.customerId", true),
                    check.instant(data, "erasedAt", "data.erasedAt", true));
            case "reservation.recorded.v1" -> new ReservationConsent(envelope.id(), envelope.workspaceId(),
                    check.uuid(data, "customerId", "data.customerId", true),
                    check.bool(data, "marketingConsent", "data.marketingConsent", false),
                    check.text(data, "partner", "data.partner", 200, false),
                    check.uuid(data, "reservationId", "data.reservationId", false));
            default -> null;
        };
        check.done();
        return read;
    }

    private static Updated updated(EventFields check, EventFields.Envelope envelope, JsonNode data) {
        CustomerV1 customer = customer(check, data);
        Boolean consent = check.bool(data, "marketingConsent", "data.marketingConsent", false);
        String source = null;
        if (consent != null) {
            source = source(check, data);
        }
        return new Updated(envelope.id(), envelope.workspaceId(), customer, consent, source, actor(check, data));
    }

    private static CustomerV1 customer(EventFields check, JsonNode data) {
        JsonNode customer = check.object(data, "customer", "data.customer", true);
        if (customer == null) {
            return null;
        }
        return new CustomerV1(check.uuid(customer, "id", "data.customer.id", true),
                check.text(customer, "firstName", "data.customer.firstName", 100, false),
                check.text(customer, "lastName", "data.customer.lastName", 100, false),
                check.text(customer, "companyName", "data.customer.companyName", 200, false),
                check.text(customer, "email", "data.customer.email", 254, false),
                check.text(customer, "phone", "data.customer.phone", 20, false),
                check.text(customer, "preferredLanguage", "data.customer.preferredLanguage", 35, false),
                check.instant(customer, "updatedAt", "data.customer.updatedAt", true));
    }

    private static String source(EventFields check, JsonNode data) {
        String source = check.text(data, "consentSource", "data.consentSource", 20, true);
        if (source != null && !java.util.Set.of("STAFF", "API", "IMPORT", "BOOKING").contains(source)) {
            check.fail("data.consentSource", "'" + source + "' is not one of STAFF, API, IMPORT, BOOKING");
        }
        return source;
    }

    private static String actor(EventFields check, JsonNode data) {
        String actor = check.text(data, "actor", "data.actor", 200, false);
        return actor == null ? "system:customer-service" : actor;
    }
}
