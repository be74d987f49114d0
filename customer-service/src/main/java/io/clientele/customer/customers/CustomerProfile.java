package io.clientele.customer.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    /**
     * This profile with every value {@code given} holds replacing its own: an import row's cells, where
     * an empty cell leaves the value alone. Address parts and custom fields are taken one by one.
     */
    CustomerProfile overlaidWith(CustomerProfile given) {
        Address mine = address == null ? Address.NONE : address;
        Address theirs = given.address() == null ? Address.NONE : given.address();
        Map<String, Object> fields = new LinkedHashMap<>(customFields == null ? Map.of() : customFields);
        if (given.customFields() != null) {
            fields.putAll(given.customFields());
        }
        return new CustomerProfile(or(given.firstName(), firstName), or(given.lastName(), lastName),
                or(given.companyName(), companyName), or(given.email(), email), or(given.phone(), phone),
                or(given.birthDate(), birthDate), or(given.gender(), gender),
                new Address(or(theirs.street(), mine.street()), or(theirs.city(), mine.city()),
                        or(theirs.postalCode(), mine.postalCode()), or(theirs.country(), mine.country())),
                or(given.vatId(), vatId), or(given.preferredLanguage(), preferredLanguage),
                or(given.preferredCurrency(), preferredCurrency), or(given.discountPercent(), discountPercent),
                or(given.customerType(), customerType), or(given.stage(), stage), or(given.temperature(), temperature),
                fields);
    }

    /** This profile with the named fields (as {@link Customer#revise} names them) taken from {@code source}. */
    CustomerProfile withFieldsOf(CustomerProfile source, Collection<String> fields) {
        return new CustomerProfile(pick(fields, "firstName", source.firstName, firstName),
                pick(fields, "lastName", source.lastName, lastName),
                pick(fields, "companyName", source.companyName, companyName), pick(fields, "email", source.email, email),
                pick(fields, "phone", source.phone, phone), pick(fields, "birthDate", source.birthDate, birthDate),
                pick(fields, "gender", source.gender, gender), pick(fields, "address", source.address, address),
                pick(fields, "vatId", source.vatId, vatId),
                pick(fields, "preferredLanguage", source.preferredLanguage, preferredLanguage),
                pick(fields, "preferredCurrency", source.preferredCurrency, preferredCurrency),
                pick(fields, "discountPercent", source.discountPercent, discountPercent),
                pick(fields, "customerType", source.customerType, customerType), pick(fields, "stage", source.stage, stage),
                pick(fields, "temperature", source.temperature, temperature),
                pick(fields, "customFields", source.customFields, customFields));
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static <T> T pick(Collection<String> fields, String name, T fromSource, T own) {
        return fields.contains(name) ? fromSource : own;
    }
}
