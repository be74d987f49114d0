package io.clientele.customer.customers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Everything the customer detail page shows of the record itself; also what events are built from. */
public record CustomerDetails(
        UUID id,
        String displayName,
        String firstName,
        String lastName,
        String companyName,
        String email,
        String phone,
        LocalDate birthDate,
        Gender gender,
        Address address,
        String vatId,
        String preferredLanguage,
        String preferredCurrency,
        BigDecimal discountPercent,
        CustomerType customerType,
        CustomerSource source,
        boolean synced,
        LifecycleStatus status,
        SalesStage stage,
        Temperature temperature,
        SubscriptionState subscriptionState,
        boolean muted,
        ContactState contactState,
        Map<String, Object> customFields,
        String lastNotePreview,
        Instant lastNoteAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static CustomerDetails of(Customer customer) {
        CustomerProfile profile = customer.profile();
        return new CustomerDetails(customer.id(), displayName(profile.firstName(), profile.lastName(),
                profile.companyName()), profile.firstName(), profile.lastName(), profile.companyName(),
                profile.email(), profile.phone(), profile.birthDate(), profile.gender(),
                profile.address().isEmpty() ? null : profile.address(), profile.vatId(), profile.preferredLanguage(),
                profile.preferredCurrency(), profile.discountPercent(), profile.customerType(), customer.source(),
                customer.synced(), customer.status(), profile.stage(), profile.temperature(),
                customer.subscriptionState(), customer.muted(), customer.contactState(), profile.customFields(),
                customer.lastNotePreview(), customer.lastNoteAt(), customer.createdAt(), customer.updatedAt(),
                customer.version());
    }

    /** "Jana Nováková", "Acme s.r.o. (Jana Nováková)" or "Acme s.r.o.". */
    public static String displayName(String firstName, String lastName, String companyName) {
        String person = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (companyName == null) {
            return person;
        }
        return person.isEmpty() ? companyName : companyName + " (" + person + ")";
    }
}
