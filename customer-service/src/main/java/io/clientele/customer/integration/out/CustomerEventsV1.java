package io.clientele.customer.integration.out;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clientele.customer.customers.Address;
import io.clientele.customer.customers.CustomerDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The integration events customer-service puts on {@code customer.events}: versioned records named by
 * a stable type string, mapped from the service's own domain events and never shared as a library.
 * Their JSON Schemas live in platform/contracts; a test checks what is published against them.
 */
final class CustomerEventsV1 {

    static final String TOPIC = "customer.events";
    static final String CREATED = "customer.created.v1";
    static final String UPDATED = "customer.updated.v1";
    static final String STATUS_CHANGED = "customer.status-changed.v1";
    static final String ERASED = "customer.erased.v1";
    static final String NOTE_ADDED = "customer.note-added.v1";
    static final String RESERVATION_RECORDED = "reservation.recorded.v1";

    private CustomerEventsV1() {
    }

    /** The customer as other services copy it into their read models. */
    record CustomerV1(UUID id, String firstName, String lastName, String companyName, String email, String phone,
            LocalDate birthDate, String gender, AddressV1 address, String vatId, String preferredLanguage,
            String preferredCurrency, BigDecimal discountPercent, String customerType, String source, boolean synced,
            String status, String stage, String temperature, Map<String, Object> customFields, Instant createdAt,
            Instant updatedAt) {

        static CustomerV1 of(CustomerDetails customer) {
            return new CustomerV1(customer.id(), customer.firstName(), customer.lastName(), customer.companyName(),
                    customer.email(), customer.phone(), customer.birthDate(), name(customer.gender()),
                    AddressV1.of(customer.address()), customer.vatId(), customer.preferredLanguage(),
                    customer.preferredCurrency(), customer.discountPercent(), name(customer.customerType()),
                    name(customer.source()), customer.synced(), name(customer.status()), name(customer.stage()),
                    name(customer.temperature()), customer.customFields(), customer.createdAt(),
                    customer.updatedAt());
        }
    }

    record AddressV1(String street, String city, String postalCode, String country) {
        static AddressV1 of(Address address) {
            return address == null ? null
                    : new AddressV1(address.street(), address.city(), address.postalCode(), address.country());
        }
    }

    /**
     * @param marketingConsent whether marketing consent was given when the customer was created
     * @param consentSource    where that consent was given: STAFF (the staff form) or API
     */
    record CustomerCreatedV1(CustomerV1 customer, boolean marketingConsent, String consentSource, String actor) {
    }

    /**
     * @param marketingConsent only when the change stated a consent (an import's consent column)
     * @param consentSource    where it was stated; only with marketingConsent
     */
    record CustomerUpdatedV1(CustomerV1 customer, List<String> changedFields, String actor,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean marketingConsent,
            @JsonInclude(JsonInclude.Include.NON_NULL) String consentSource) {
    }

    record CustomerStatusChangedV1(UUID customerId, String from, String to, String changedBy, String reason,
            Instant changedAt) {
    }

    record CustomerErasedV1(UUID customerId, Instant erasedAt) {
    }

    record NoteAddedV1(UUID customerId, UUID noteId, String priority, Instant createdAt) {
    }

    record ReservationRecordedV1(UUID customerId, UUID reservationId, String partner, String externalId,
            String change, String status, String service, String staff, String location, Instant startsAt,
            Instant endsAt, Instant previousStartsAt, Boolean marketingConsent, Instant occurredAt, boolean synced) {
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
