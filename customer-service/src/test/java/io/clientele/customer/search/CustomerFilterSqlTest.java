package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.customers.LifecycleStatus;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class CustomerFilterSqlTest {

    @Test
    void aPhoneLikeQuerySearchesItsDigits() {
        assertThat(CustomerFilterSql.patterns("+420 (777) 123-456", null)).containsExactly(List.of("%420777123456%"));
        assertThat(CustomerFilterSql.patterns("777 123", "CZ")).containsExactly(List.of("%777123%"));
    }

    @Test
    void aNumberDialledWithTheInternationalPrefixIsSearchedAsItIsStored() {
        assertThat(CustomerFilterSql.patterns("00420 777 123 456", "CZ")).containsExactly(List.of("%420777123456%"));
    }

    @Test
    void aNationalNumberWithATrunkZeroIsSearchedAsTypedAndAsItIsStored() {
        assertThat(CustomerFilterSql.patterns("07911 123456", "GB"))
                .containsExactly(List.of("%07911123456%", "%447911123456%"));
    }

    @Test
    void aNationalNumberThatIsPartOfItsStoredFormIsSearchedOnce() {
        assertThat(CustomerFilterSql.patterns("777 123 456", "CZ")).containsExactly(List.of("%777123456%"));
    }

    @Test
    void withoutARegionOnlyTheDigitsAsTypedAreSearched() {
        assertThat(CustomerFilterSql.patterns("00420 777 123 456", null)).containsExactly(List.of("%00420777123456%"));
    }

    @Test
    void wordsAreSearchedSeparatelyWithWildcardsEscaped() {
        assertThat(CustomerFilterSql.patterns("  Jana   50%_off\\ ", "CZ"))
                .containsExactly(List.of("%Jana%"), List.of("%50\\%\\_off\\\\%"));
    }

    @Test
    void aQueryNarrowsByTrigramsWhenOneOfItsWordsHasThreeCharacters() {
        assertThat(CustomerFilterSql.narrowsByTrigrams("novák", "CZ")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("jan novák", "CZ")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("j novák", "CZ")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("j no", "CZ")).isFalse();
        assertThat(CustomerFilterSql.narrowsByTrigrams("no", "CZ")).isFalse();
        assertThat(CustomerFilterSql.narrowsByTrigrams("777", "CZ")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("7 7", "CZ")).isFalse();
        assertThat(CustomerFilterSql.narrowsByTrigrams("a%_", "CZ")).isTrue();
    }

    @Test
    void atMostSixWordsAreUsed() {
        assertThat(CustomerFilterSql.patterns("a b c d e f g h", "CZ")).hasSize(6);
    }

    @Test
    void thePhoneFormsOfAQueryAreAlternatives() {
        MapSqlParameterSource params = new MapSqlParameterSource();
        CustomerFilter filter = new CustomerFilter("07911 123456", null, null, null, null, null, null, null, null,
                null, null, null).readingPhonesIn("GB");

        String where = CustomerFilterSql.where(UUID.randomUUID(), filter, params);

        assertThat(where).endsWith(" AND (c.search_text LIKE clientele_fold(:q0) OR c.search_text LIKE clientele_fold(:q1))");
        assertThat(params.getValue("q0")).isEqualTo("%07911123456%");
        assertThat(params.getValue("q1")).isEqualTo("%447911123456%");
    }

    @Test
    void everyValueIsABoundParameterAndTheWorkspaceAlwaysComesFirst() {
        MapSqlParameterSource params = new MapSqlParameterSource();
        UUID workspace = UUID.randomUUID();
        CustomerFilter filter = new CustomerFilter("x' OR 1=1 --", Set.of(LifecycleStatus.BLOCKED), null, null, null,
                true, null, null, null, null, null, null);

        String where = CustomerFilterSql.where(workspace, filter, params);

        assertThat(where).startsWith("c.workspace_id = :workspaceId").doesNotContain("OR 1=1");
        assertThat(params.getValue("workspaceId")).isEqualTo(workspace);
        assertThat(params.getValue("statuses")).isEqualTo(List.of("BLOCKED"));
        assertThat(params.getValue("muted")).isEqualTo(true);
    }
}
