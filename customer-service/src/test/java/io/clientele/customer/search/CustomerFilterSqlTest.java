package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.customers.LifecycleStatus;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class CustomerFilterSqlTest {

    @Test
    void aPhoneLikeQuerySearchesItsDigits() {
        assertThat(CustomerFilterSql.patterns("+420 (777) 123-456")).containsExactly("%420777123456%");
        assertThat(CustomerFilterSql.patterns("777 123")).containsExactly("%777123%");
    }

    @Test
    void wordsAreSearchedSeparatelyWithWildcardsEscaped() {
        assertThat(CustomerFilterSql.patterns("  Jana   50%_off\\ ")).containsExactly("%Jana%", "%50\\%\\_off\\\\%");
    }

    @Test
    void onlyQueriesWhoseEveryWordHasThreeCharactersNarrowByTrigrams() {
        assertThat(CustomerFilterSql.narrowsByTrigrams("novák")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("jan novák")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("j novák")).isFalse();
        assertThat(CustomerFilterSql.narrowsByTrigrams("no")).isFalse();
        assertThat(CustomerFilterSql.narrowsByTrigrams("777")).isTrue();
        assertThat(CustomerFilterSql.narrowsByTrigrams("7 7")).isFalse();
        assertThat(CustomerFilterSql.narrowsByTrigrams("a%_")).isTrue();
    }

    @Test
    void atMostSixWordsAreUsed() {
        assertThat(CustomerFilterSql.patterns("a b c d e f g h")).hasSize(6);
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
        assertThat(params.getValue("statuses")).isEqualTo(java.util.List.of("BLOCKED"));
        assertThat(params.getValue("muted")).isEqualTo(true);
    }
}
