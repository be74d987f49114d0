package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderNamesTest {

    @Test
    void headersFoldWithoutCaseAccentsOrPunctuation() {
        assertThat(HeaderNames.fold(" E-mailová adresa ")).isEqualTo("emailovaadresa");
        assertThat(HeaderNames.fold("PŘÍJMENÍ")).isEqualTo("prijmeni");
        assertThat(HeaderNames.fold("Дата на раждане")).isEqualTo("датанараждане");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Příjmení|LAST_NAME", "Telefon|PHONE", "E-mail|EMAIL", "First name|FIRST_NAME", "Mobile|PHONE",
            "Souhlas se zasíláním|MARKETING_CONSENT",
            "Souhlas se zasíláním obchodních sdělení e-mailem a SMS|MARKETING_CONSENT",
            "marketing_consent|MARKETING_CONSENT", "Фамилия|LAST_NAME", "Имейл|EMAIL", "Datum narození|BIRTH_DATE",
            "PSČ|POSTAL_CODE", "DIČ|VAT_ID", "name|NAME", "Jméno a příjmení|NAME", "Status|STATUS"})
    void knownHeadersOfTheStandardFileAndOtherSystemsAreRecognised(String header, ImportField field) {
        assertThat(HeaderNames.recognise(header, true)).contains(field);
    }

    @Test
    void jmenoIsAFirstNameBesideALastNameColumnAndAWholeNameAlone() {
        assertThat(HeaderNames.recognise("Jméno", true)).contains(ImportField.FIRST_NAME);
        assertThat(HeaderNames.recognise("Jméno", false)).contains(ImportField.NAME);
        assertThat(HeaderNames.recognise("Име", false)).contains(ImportField.NAME);
    }

    @Test
    void unknownHeadersAreNotGuessed() {
        assertThat(HeaderNames.recognise("Customer ID", true)).isEmpty();
        assertThat(HeaderNames.recognise("Počet rezervací", true)).isEmpty();
        assertThat(HeaderNames.recognise("", true)).isEmpty();
    }
}
