package io.clientele.gateway.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.clientele.gateway.composition.PartRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewPropertiesTest {

    static PartRequest part(String name, boolean decidesExistence, Duration timeout) {
        return new PartRequest(name, null, "http://localhost:8081/api/v1/customers/{id}", decidesExistence, null, timeout);
    }

    @Test
    void noPartIsWaitedForPastTheDeadlineWhateverItsOwnTimeout() {
        OverviewProperties properties = new OverviewProperties(Duration.ofMillis(800), Duration.ofMillis(1500), null,
                List.of(part("profile", true, null), part("slowButWorthIt", false, Duration.ofSeconds(5)),
                        part("quick", false, Duration.ofMillis(200))));

        assertThat(properties.parts()).extracting(properties::timeoutOf)
                .containsExactly(Duration.ofMillis(800), Duration.ofMillis(1500), Duration.ofMillis(200));
    }

    @Test
    void partsAreTheDocumentsKeysSoEachNameOnceAndOneDecidesWhetherTheCustomerExists() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OverviewProperties(null, null, null,
                List.of(part("profile", false, null), part("profile", false, null))))
                .withMessageContaining("clientele.overview.parts: two parts have the same name");
        assertThatIllegalArgumentException().isThrownBy(() -> new OverviewProperties(null, null, null,
                List.of(part("profile", true, null), part("summary", true, null))))
                .withMessageContaining("only one part can decide");
    }

    @Test
    void aPartNamesItsServiceOrIsNamedByIt() {
        assertThat(part("customer-service", true, null).service()).isEqualTo("customer-service");
        assertThatIllegalArgumentException().isThrownBy(() -> new PartRequest("profile", null,
                "http://localhost:8081/api/v1/customers", false, null, null)).withMessageContaining("{id}");
        assertThatIllegalArgumentException().isThrownBy(() -> new PartRequest("profile", null,
                "http://localhost:8081/api/v1/customers/{id}", false, "items", null)).withMessageContaining("JSON pointer");
    }
}
