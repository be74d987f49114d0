package io.clientele.customer.customers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The customer form, for creating (POST) and editing (PUT, which replaces every editable field).
 * Blank strings count as absent.
 */
record CustomerRequest(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Schema(description = "For a company: its name; first and last name then name the contact person")
        @Size(max = 200) String companyName,
        @Size(max = 254) String email,
        @Schema(description = "With a country prefix (+420 777 123 456), or national in the workspace's default country",
                example = "+420 777 123 456")
        @Size(max = 40) String phone,
        @Past LocalDate birthDate,
        Gender gender,
        @Valid AddressRequest address,
        @Size(max = 32) String vatId,
        @Schema(description = "BCP 47 language tag", example = "cs")
        @Size(max = 35) String preferredLanguage,
        @Schema(description = "ISO 4217 currency code", example = "CZK")
        @Size(max = 3) String preferredCurrency,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
        CustomerType customerType,
        SalesStage stage,
        Temperature temperature,
        @Schema(description = "Values of the workspace's custom fields (client card), by field key")
        @Size(max = 100) Map<String, Object> customFields,
        @Schema(description = "Create only: marketing consent given now (sets the subscription state)")
        Boolean marketingConsent,
        @Schema(description = "Create only: MANUAL (default, staff) or API (an integration)")
        CustomerSource source) {

    record AddressRequest(@Size(max = 200) String street, @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Schema(description = "ISO 3166 country code", example = "CZ") @Size(max = 2) String country) {
    }
}
