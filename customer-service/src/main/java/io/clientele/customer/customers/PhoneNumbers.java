package io.clientele.customer.customers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as people type them ("777 123 456", "+420 777 123 456", "00420777123456") turned into
 * E.164 ("+420777123456"), the only form stored and compared. A number without a country prefix is
 * read in the workspace's default country. Other modules reach it through {@link FieldRules#phone}.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param typed         the number as typed
     * @param defaultRegion ISO 3166 region for numbers without a country prefix
     * @return the E.164 form, or empty when this is not a valid phone number
     */
    static Optional<String> toE164(String typed, String defaultRegion) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(typed, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }
}
