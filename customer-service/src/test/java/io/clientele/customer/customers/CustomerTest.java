package io.clientele.customer.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(60);

    @Test
    void aNewCustomerIsNewAndSubscribedOnlyWithConsent() {
        assertThat(register(true).status()).isEqualTo(LifecycleStatus.NEW);
        assertThat(register(true).subscriptionState()).isEqualTo(SubscriptionState.SUBSCRIBED);
        assertThat(register(false).subscriptionState()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(register(false).contactState()).isEqualTo(ContactState.UNSUBSCRIBED);
    }

    @Test
    void aCustomerWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> Customer.register(UUID.randomUUID(), UUID.randomUUID(),
                profile(null, null, null), CustomerSource.MANUAL, false, false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revisingReportsExactlyTheFieldsThatChanged() {
        Customer customer = register(false);

        assertThat(customer.revise(profile("Jana", "Nováková", null), LATER)).isEmpty();
        assertThat(customer.updatedAt()).isEqualTo(NOW);
        assertThat(customer.revise(profile("Jana", "Dvořáková", "Lilie"), LATER))
                .containsExactly("lastName", "companyName");
        assertThat(customer.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void theSameDiscountWrittenDifferentlyIsNoChange() {
        Customer customer = register(false);
        CustomerProfile ten = withDiscount(new BigDecimal("10"));
        customer.revise(ten, NOW);

        assertThat(customer.revise(withDiscount(new BigDecimal("10.00")), LATER)).isEmpty();
    }

    @Test
    void changingToTheCurrentStatusIsNoTransition() {
        Customer customer = register(false);

        assertThat(customer.changeStatus(LifecycleStatus.NEW, LATER)).isEmpty();
        assertThat(customer.changeStatus(LifecycleStatus.BLOCKED, LATER))
                .contains(new Customer.StatusTransition(LifecycleStatus.NEW, LifecycleStatus.BLOCKED));
    }

    @Test
    void theRegularRulePromotesOnlyNewCustomersAtTheThreshold() {
        Customer customer = register(false);

        assertThat(customer.recordCompletedReservations(1, 2, LATER)).isEmpty();
        assertThat(customer.recordCompletedReservations(2, 2, LATER))
                .contains(new Customer.StatusTransition(LifecycleStatus.NEW, LifecycleStatus.REGULAR));
        assertThat(customer.recordCompletedReservations(3, 2, LATER)).isEmpty();

        Customer problematic = register(false);
        problematic.changeStatus(LifecycleStatus.PROBLEMATIC, NOW);
        assertThat(problematic.recordCompletedReservations(5, 2, LATER)).isEmpty();
        assertThat(problematic.status()).isEqualTo(LifecycleStatus.PROBLEMATIC);
    }

    private static Customer register(boolean consent) {
        return Customer.register(UUID.randomUUID(), UUID.randomUUID(), profile("Jana", "Nováková", null),
                CustomerSource.MANUAL, false, consent, NOW);
    }

    private static CustomerProfile withDiscount(BigDecimal discount) {
        return new CustomerProfile("Jana", "Nováková", null, null, null, null, null, Address.NONE, null, null, null,
                discount, null, null, null, Map.of());
    }

    private static CustomerProfile profile(String first, String last, String company) {
        return new CustomerProfile(first, last, company, null, null, null, null, Address.NONE, null, null, null,
                null, null, null, null, Map.of());
    }
}
