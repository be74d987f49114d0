package io.clientele.customer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerFilterTest {

    @Test
    void anEmptyValueInAListIsRefusedNamingItsParameter() {
        Set<LifecycleStatus> withEmpty = new HashSet<>(Arrays.asList(LifecycleStatus.NEW, null));
        Set<SalesStage> onlyEmpty = new HashSet<>(Arrays.asList((SalesStage) null));

        assertThatThrownBy(() -> new CustomerFilter(null, withEmpty, onlyEmpty, null, null, null, null, null, null,
                null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field).containsExactly("status", "stage"));
    }

    @Test
    void aDateNoDatabaseCanHoldIsRefusedNamingItsParameter() {
        Instant farFuture = Instant.parse("+999999999-12-31T23:59:59Z");

        assertThatThrownBy(() -> new CustomerFilter(null, null, null, null, null, null, null, null, null, farFuture,
                Instant.MIN, null))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field).containsExactly("createdFrom", "createdTo"));
    }

    @Test
    void theLastInstantOfYear9999IsStillADate() {
        CustomerFilter filter = new CustomerFilter(null, null, null, null, null, null, null, null, null,
                CustomerFilter.EARLIEST, CustomerFilter.LATEST, null);

        assertThat(filter.createdTo()).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @Test
    void aNulCharacterInTheQueryIsRefused() {
        assertThatThrownBy(() -> new CustomerFilter("nov\0ak", null, null, null, null, null, null, null, null, null,
                null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.violations())
                        .extracting(FieldViolation::field).containsExactly("q"));
    }
}
