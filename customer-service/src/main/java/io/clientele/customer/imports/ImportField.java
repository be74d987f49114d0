package io.clientele.customer.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an import column (or a JSON row's key) can hold. {@link #apiName()} is how explicit mappings
 * and JSON rows name it; a custom field of the client card is named {@code customFields.<key>}.
 */
enum ImportField {
    /** "Jana Nováková" or "Nováková, Jana": split into first and last name. */
    NAME("name"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    COMPANY_NAME("companyName"),
    EMAIL("email"),
    PHONE("phone"),
    STATUS("status"),
    MARKETING_CONSENT("marketingConsent"),
    BIRTH_DATE("birthDate"),
    GENDER("gender"),
    STREET("street"),
    CITY("city"),
    POSTAL_CODE("postalCode"),
    COUNTRY("country"),
    VAT_ID("vatId"),
    PREFERRED_LANGUAGE("preferredLanguage"),
    PREFERRED_CURRENCY("preferredCurrency"),
    DISCOUNT_PERCENT("discountPercent"),
    CUSTOMER_TYPE("customerType"),
    STAGE("stage"),
    TEMPERATURE("temperature");

    static final String CUSTOM_PREFIX = "customFields.";

    private final String apiName;

    ImportField(String apiName) {
        this.apiName = apiName;
    }

    String apiName() {
        return apiName;
    }

    static Optional<ImportField> byApiName(String name) {
        return Arrays.stream(values()).filter(field -> field.apiName.equals(name)).findFirst();
    }

    /** Address parts also come nested in JSON rows: {@code address.city}. */
    static Optional<ImportField> byAddressPart(String part) {
        return switch (part) {
            case "street" -> Optional.of(STREET);
            case "city" -> Optional.of(CITY);
            case "postalCode" -> Optional.of(POSTAL_CODE);
            case "country" -> Optional.of(COUNTRY);
            default -> Optional.empty();
        };
    }
}
