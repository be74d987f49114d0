package io.clientele.customer.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "'+420 777 123 456', CZ, +420777123456",
            "'777123456', CZ, +420777123456",
            "'00420 777 123 456', CZ, +420777123456",
            "'(+420) 777-123-456', CZ, +420777123456",
            "'0888 123 456', BG, +359888123456",
            "'+421 905 123 456', CZ, +421905123456",
            "'+49 30 123456', CZ, +4930123456"})
    void numbersAsPeopleTypeThemBecomeE164(String typed, String region, String e164) {
        assertThat(PhoneNumbers.toE164(typed, region)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "abc", "+420 12", "777 123 45", "", "   "})
    void whatIsNotAPhoneNumberIsRefused(String typed) {
        assertThat(PhoneNumbers.toE164(typed, "CZ")).isEmpty();
    }
}
