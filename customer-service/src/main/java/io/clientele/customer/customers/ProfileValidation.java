package io.clientele.customer.customers;

import io.clientele.customer.customfields.CustomFields;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns the customer form into a {@link CustomerProfile}: trims, normalises (E.164 phone, canonical
 * language tag) and checks every rule bean validation cannot express, reporting all offending fields
 * at once.
 */
@Component
class ProfileValidation {

    private final CustomFields customFields;

    ProfileValidation(CustomFields customFields) {
        this.customFields = customFields;
    }

    CustomerProfile profileOf(UUID workspaceId, CustomerRequest request, String defaultCountry,
            Map<String, Object> currentCustomFields) {
        List<FieldViolation> violations = new ArrayList<>();
        String firstName = clean(request.firstName());
        String lastName = clean(request.lastName());
        String companyName = clean(request.companyName());
        if (firstName == null && lastName == null && companyName == null) {
            violations.add(new FieldViolation("name", "required",
                    "a first name, a last name or a company name is required"));
        }
        String email = clean(request.email());
        if (email != null && !FieldRules.EMAIL.matcher(email).matches()) {
            violations.add(new FieldViolation("email", "Email", "must be an e-mail address such as jana@example.cz"));
        }
        String phone = null;
        String typedPhone = clean(request.phone());
        if (typedPhone != null) {
            phone = PhoneNumbers.toE164(typedPhone, defaultCountry).orElse(null);
            if (phone == null) {
                violations.add(new FieldViolation("phone", "phone", "'" + typedPhone
                        + "' is not a valid phone number; include the country prefix, e.g. +420 777 123 456"));
            }
        }
        Address address = Address.NONE;
        if (request.address() != null) {
            String country = upper(clean(request.address().country()));
            if (country != null && FieldRules.country(country).isEmpty()) {
                violations.add(new FieldViolation("address.country", "country",
                        "must be an ISO 3166 country code such as CZ"));
            }
            address = new Address(clean(request.address().street()), clean(request.address().city()),
                    clean(request.address().postalCode()), country);
        }
        String language = languageTag(clean(request.preferredLanguage()), violations);
        String currency = upper(clean(request.preferredCurrency()));
        if (currency != null && FieldRules.currency(currency).isEmpty()) {
            violations.add(new FieldViolation("preferredCurrency", "currency",
                    "must be an ISO 4217 currency code such as CZK or EUR"));
        }
        CustomFields.Checked custom = customFields.check(workspaceId, request.customFields(), currentCustomFields);
        violations.addAll(custom.violations());
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new CustomerProfile(firstName, lastName, companyName, email, phone, request.birthDate(),
                request.gender(), address, clean(request.vatId()), language, currency, request.discountPercent(),
                request.customerType(), request.stage(), request.temperature(), custom.values());
    }

    private static String languageTag(String tag, List<FieldViolation> violations) {
        if (tag == null) {
            return null;
        }
        return FieldRules.languageTag(tag).orElseGet(() -> {
            violations.add(new FieldViolation("preferredLanguage", "language",
                    "must be a language tag such as cs, en or en-GB"));
            return null;
        });
    }

    static String clean(String value) {
        return FieldRules.clean(value);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
