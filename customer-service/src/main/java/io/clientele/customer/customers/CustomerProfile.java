package io.clientele.customer.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The editable part of a customer record, already validated and normalised (phone in E.164, e-mail
 * trimmed, language tag canonical, currency upper-case): what staff change through the form.
 */
public record CustomerProfile(
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
        SalesStage stage,
        Temperature temperature,
        Map<String, Object> customFields) {
}
