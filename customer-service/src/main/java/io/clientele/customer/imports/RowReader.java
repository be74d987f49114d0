package io.clientele.customer.imports;

import io.clientele.customer.customers.Address;
import io.clientele.customer.customers.CustomerProfile;
import io.clientele.customer.customers.FieldRules;
import io.clientele.customer.customers.ImportedRow;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customfields.CustomFields;
import io.clientele.platform.problem.FieldViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one row's cells into an {@link ImportedRow}, or into the reasons it is refused. Every cell is
 * checked; a row with one bad cell is refused whole (never half-written), with every bad cell named.
 */
final class RowReader {

    /** One row as the file gave it: its cells by target, blank cells left out. */
    record Cells(long rowNumber, Map<Target, String> values) {
    }

    /** The row read, or why not. */
    record Read(ImportedRow row, List<FieldViolation> violations) {

        boolean rejected() {
            return row == null;
        }
    }

    private static final int MAX_TEXT = 1000;

    private final String defaultCountry;
    private final Map<String, CustomFields.Definition> customFields;

    RowReader(String defaultCountry, Map<String, CustomFields.Definition> customFields) {
        this.defaultCountry = defaultCountry;
        this.customFields = customFields;
    }

    Read read(Cells cells) {
        Map<Target, String> values = cells.values();
        List<FieldViolation> violations = new ArrayList<>();
        values.forEach((target, cell) -> {
            if (cell.indexOf('\u0000') >= 0) {
                // No text column stores it (PostgreSQL refuses it): the row is refused, never its neighbours.
                violations.add(new FieldViolation(target.apiName(), "character", "contains a NUL character (shown"
                        + " as \uFFFD in the report), which cannot be stored; remove it"));
            }
        });
        if (!violations.isEmpty()) {
            return new Read(null, List.copyOf(violations));
        }
        String firstName = text(values, ImportField.FIRST_NAME, FieldRules.MAX_NAME, violations);
        String lastName = text(values, ImportField.LAST_NAME, FieldRules.MAX_NAME, violations);
        String wholeName = values.get(Target.of(ImportField.NAME));
        if (wholeName != null) {
            String[] split = splitName(wholeName);
            firstName = firstName != null ? firstName : limited(split[0], ImportField.NAME, violations);
            lastName = lastName != null ? lastName : limited(split[1], ImportField.NAME, violations);
        }
        String company = text(values, ImportField.COMPANY_NAME, FieldRules.MAX_COMPANY, violations);

        String email = values.get(Target.of(ImportField.EMAIL));
        if (email != null && !FieldRules.isEmail(email)) {
            violations.add(violation(ImportField.EMAIL, "Email", "'" + email + "' is not an e-mail address"));
            email = null;
        }
        String typedPhone = values.get(Target.of(ImportField.PHONE));
        String phone = null;
        if (typedPhone != null) {
            phone = FieldRules.phone(typedPhone, defaultCountry).orElse(null);
            if (phone == null) {
                violations.add(violation(ImportField.PHONE, "phone", "'" + typedPhone + "' is not a valid phone"
                        + " number; include the country prefix, e.g. +420 777 123 456"));
            }
        }
        if (firstName == null && lastName == null && company == null && email == null && phone == null
                && violations.isEmpty()) {
            violations.add(new FieldViolation("name", "required", "the row names nobody: it has no name, e-mail or phone"));
        }
        LocalDate birthDate = parsed(values, ImportField.BIRTH_DATE, CellValues::date, "a date such as 1990-04-12 or 12.4.1990",
                violations);
        if (birthDate != null && !birthDate.isBefore(LocalDate.now())) {
            violations.add(violation(ImportField.BIRTH_DATE, "Past", "a birth date must be in the past"));
        }
        Address address = new Address(text(values, ImportField.STREET, 200, violations),
                text(values, ImportField.CITY, 100, violations), text(values, ImportField.POSTAL_CODE, 20, violations),
                parsed(values, ImportField.COUNTRY, FieldRules::country, "an ISO 3166 country code such as CZ",
                        violations));
        CustomerProfile given = new CustomerProfile(firstName, lastName, company, email, phone, birthDate,
                parsed(values, ImportField.GENDER, CellValues::gender, "female, male, other or undisclosed", violations),
                address, text(values, ImportField.VAT_ID, 32, violations),
                parsed(values, ImportField.PREFERRED_LANGUAGE, FieldRules::languageTag, "a language tag such as cs or en",
                        violations),
                parsed(values, ImportField.PREFERRED_CURRENCY, FieldRules::currency, "a currency code such as CZK or EUR",
                        violations),
                parsed(values, ImportField.DISCOUNT_PERCENT, CellValues::percent, "a percentage from 0 to 100",
                        violations),
                parsed(values, ImportField.CUSTOMER_TYPE, CellValues::customerType, "CONTACT or REGISTERED", violations),
                parsed(values, ImportField.STAGE, CellValues::stage, "CURRENT or POTENTIAL", violations),
                parsed(values, ImportField.TEMPERATURE, CellValues::temperature, "HOT, WARM, COLD or NOT_INTERESTED",
                        violations),
                customFields(values, violations));
        LifecycleStatus status = parsed(values, ImportField.STATUS, CellValues::status,
                "NEW, REGULAR, PROBLEMATIC or BLOCKED (or nový, pravidelný, problémový, blokovaný)", violations);
        Boolean consent = parsed(values, ImportField.MARKETING_CONSENT, CellValues::yesNo, "yes or no (ano/ne, да/не,"
                + " true/false, 1/0)", violations);
        if (!violations.isEmpty()) {
            return new Read(null, List.copyOf(violations));
        }
        return new Read(new ImportedRow(cells.rowNumber(), given, status, consent), List.of());
    }

    private Map<String, Object> customFields(Map<Target, String> values, List<FieldViolation> violations) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((target, cell) -> {
            if (!target.isCustom()) {
                return;
            }
            CustomFields.Definition definition = customFields.get(target.customKey());
            if (definition == null) {
                return;
            }
            Object value = typed(definition, cell);
            if (value == null) {
                violations.add(new FieldViolation(target.apiName(), "type", "'" + cell + "' is not "
                        + describe(definition)));
            } else {
                typed.put(definition.key(), value);
            }
        });
        if (typed.isEmpty()) {
            return Map.of();
        }
        CustomFields.Checked checked = CustomFields.check(customFields, typed, Map.of());
        violations.addAll(checked.violations());
        return checked.values();
    }

    private static Object typed(CustomFields.Definition definition, String cell) {
        return switch (definition.type()) {
            case TEXT -> cell.length() <= MAX_TEXT ? cell : null;
            case NUMBER -> CellValues.number(cell).orElse(null);
            case DATE -> CellValues.date(cell).map(LocalDate::toString).orElse(null);
            case BOOLEAN -> CellValues.yesNo(cell).orElse(null);
            case CHOICE -> definition.options().stream().filter(option -> option.equalsIgnoreCase(cell.strip()))
                    .findFirst().orElse(null);
        };
    }

    private static String describe(CustomFields.Definition definition) {
        return switch (definition.type()) {
            case TEXT -> "a text of at most " + MAX_TEXT + " characters";
            case NUMBER -> "a number";
            case DATE -> "a date such as 2024-05-31 or 31.5.2024";
            case BOOLEAN -> "yes or no";
            case CHOICE -> "one of " + definition.options();
        };
    }

    /** "Jana Nováková" is Jana + Nováková; "Nováková, Jana" too; "Jana" alone is a first name. */
    static String[] splitName(String name) {
        String clean = name.strip().replaceAll("\\s+", " ");
        int comma = clean.indexOf(',');
        if (comma > 0) {
            return new String[] {blankToNull(clean.substring(comma + 1)), blankToNull(clean.substring(0, comma))};
        }
        int space = clean.lastIndexOf(' ');
        if (space < 0) {
            return new String[] {clean, null};
        }
        return new String[] {clean.substring(0, space), clean.substring(space + 1)};
    }

    private static String blankToNull(String value) {
        return FieldRules.clean(value);
    }

    private static String text(Map<Target, String> values, ImportField field, int max, List<FieldViolation> violations) {
        return limited(values.get(Target.of(field)), field, max, violations);
    }

    private static String limited(String value, ImportField field, List<FieldViolation> violations) {
        return limited(value, field, FieldRules.MAX_NAME, violations);
    }

    private static String limited(String value, ImportField field, int max, List<FieldViolation> violations) {
        if (value != null && value.length() > max) {
            violations.add(violation(field, "Size", "must be at most " + max + " characters (has " + value.length() + ")"));
            return null;
        }
        return value;
    }

    private static <T> T parsed(Map<Target, String> values, ImportField field, Function<String, Optional<T>> parser,
            String expected, List<FieldViolation> violations) {
        String cell = values.get(Target.of(field));
        if (cell == null) {
            return null;
        }
        Optional<T> value = parser.apply(cell);
        if (value.isEmpty()) {
            violations.add(violation(field, "format", "'" + cell + "' is not " + expected));
            return null;
        }
        return value.get();
    }

    private static FieldViolation violation(ImportField field, String code, String message) {
        return new FieldViolation(field.apiName(), code, message);
    }
}
