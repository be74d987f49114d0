package io.clientele.customer.customers;

import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a single value of a customer record must meet, shared by every way customers arrive: the
 * staff form, partner bookings and imports. Each answers the normalised value, or empty when the value
 * breaks the rule.
 */
public final class FieldRules {

    /** Deliberately loose: one @, no spaces, a dot in the domain. Deliverability is the mailer's concern. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    static final int MAX_EMAIL = 254;
    public static final int MAX_NAME = 100;
    public static final int MAX_COMPANY = 200;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private FieldRules() {
    }

    /** Trimmed, or null when blank. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    /** The canonical BCP 47 form ("en-GB") of a language tag. */
    public static Optional<String> languageTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException illFormed) {
            return Optional.empty();
        }
    }

    /**
     * A phone number as people type it ("777 123 456", "+420 777 123 456") in E.164 ("+420777123456"),
     * the only form stored and compared.
     *
     * @param defaultRegion ISO 3166 region for numbers without a country prefix
     */
    public static Optional<String> phone(String typed, String defaultRegion) {
        return PhoneNumbers.toE164(typed, defaultRegion);
    }

    /** An ISO 4217 code, upper-cased. */
    public static Optional<String> currency(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(upper);
            return Optional.of(upper);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** An ISO 3166 alpha-2 country code, upper-cased. */
    public static Optional<String> country(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }
}
