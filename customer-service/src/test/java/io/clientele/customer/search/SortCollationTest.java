package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SortCollationTest {

    @ParameterizedTest
    @CsvSource({"cs, CZECH", "cs-CZ, CZECH", "sk, SLOVAK", "sk-SK, SLOVAK", "en, ROOT", "en-GB, ROOT", "bg, ROOT",
            "de, ROOT"})
    void aLanguageSortsInItsTailoringOrElseInTheRootOrder(String language, SortCollation expected) {
        assertThat(SortCollation.forLanguage(language)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CZECH, COLLATE \"cs-x-icu\"", "SLOVAK, COLLATE \"sk-x-icu\"", "ROOT, COLLATE \"und-x-icu\""})
    void aCollationIsNamedAsPostgreSqlNamesItsIcuCollation(SortCollation collation, String clause) {
        assertThat(collation.sql()).isEqualTo(clause);
    }

    @ParameterizedTest
    @CsvSource({"NAME, true", "EMAIL, false", "CREATED, false"})
    void onlyNamesSortInTheWorkspaceLanguage(SortField field, boolean collated) {
        assertThat(field.collated()).isEqualTo(collated);
        assertThat(field.keys(SortCollation.SLOVAK).toString().contains("sk-x-icu")).isEqualTo(collated);
    }
}
