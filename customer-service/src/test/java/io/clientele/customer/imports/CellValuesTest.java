package io.clientele.customer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.customers.Gender;
import io.clientele.customer.customers.LifecycleStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    @Test
    void statusesAreReadInEnglishCzechAndBulgarian() {
        assertThat(CellValues.status("REGULAR")).contains(LifecycleStatus.REGULAR);
        assertThat(CellValues.status(" Pravidelný ")).contains(LifecycleStatus.REGULAR);
        assertThat(CellValues.status("blokovaný")).contains(LifecycleStatus.BLOCKED);
        assertThat(CellValues.status("Проблемен")).contains(LifecycleStatus.PROBLEMATIC);
        assertThat(CellValues.status("sometimes")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Ano", "TRUE", "1", "да", "x"})
    void yesInManyForms(String cell) {
        assertThat(CellValues.yesNo(cell)).contains(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "Ne", "false", "0", "не"})
    void noInManyForms(String cell) {
        assertThat(CellValues.yesNo(cell)).contains(false);
    }

    @Test
    void anUnclearConsentIsNeitherYesNorNo() {
        assertThat(CellValues.yesNo("maybe")).isEmpty();
    }

    @Test
    void datesAreReadIsoOrDayFirst() {
        assertThat(CellValues.date("1990-04-12")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("12.4.1990")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("12. 4. 1990")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("12/04/1990")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("1990-04-12T00:00:00")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("31.2.1990")).isEmpty();
        assertThat(CellValues.date("April 12")).isEmpty();
    }

    @Test
    void numbersTakeADecimalComma() {
        assertThat(CellValues.number("12,5")).contains(new BigDecimal("12.5"));
        assertThat(CellValues.number("1 200")).contains(new BigDecimal("1200"));
        assertThat(CellValues.number("twelve")).isEmpty();
        assertThat(CellValues.percent("10 %")).contains(new BigDecimal("10"));
        assertThat(CellValues.percent("7,5")).contains(new BigDecimal("7.5"));
        assertThat(CellValues.percent("150")).isEmpty();
    }

    @Test
    void gendersInTheWordsPeopleUse() {
        assertThat(CellValues.gender("Žena")).contains(Gender.FEMALE);
        assertThat(CellValues.gender("M")).contains(Gender.MALE);
        assertThat(CellValues.gender("мъж")).contains(Gender.MALE);
        assertThat(CellValues.gender("?")).isEmpty();
    }
}
