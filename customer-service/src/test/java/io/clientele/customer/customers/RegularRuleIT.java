package io.clientele.customer.customers;

import static io.clientele.customer.CustomerMother.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** C-2's automatic rule, driven the way booking integration drives it, with the workspace's threshold. */
@CustomerServiceIT
class RegularRuleIT {

    @LocalServerPort
    int port;
    @Autowired
    BookingCustomers customers;
    @Autowired
    TransactionTemplate transactions;

    UUID workspace;
    Api staff;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
    }

    private boolean completed(UUID customer, int reservations) {
        return !transactions.execute(status -> customers.recordCompletedReservations(workspace,
                Map.of(customer, reservations))).isEmpty();
    }

    @Test
    void aNewCustomerBecomesRegularAtTheSecondCompletedReservationByDefault() {
        UUID id = staff.create(aCustomer());

        assertThat(completed(id, 1)).isFalse();
        assertThat(completed(id, 2)).isTrue();

        staff.get("/api/v1/customers/{id}", id).expectBody().jsonPath("$.status").isEqualTo("REGULAR");
        staff.get("/api/v1/customers/{id}/status-history", id).expectBody()
                .jsonPath("$[0].to").isEqualTo("REGULAR")
                .jsonPath("$[0].changedBy").isEqualTo("system:regular-rule")
                .jsonPath("$[0].reason").isEqualTo("2 reservations completed");
    }

    @Test
    void theWorkspacesThresholdApplies() {
        Api.owner(port, workspace).put("/api/v1/customer-settings", Map.of("regularThreshold", 3, "defaultCountry", "CZ"))
                .expectStatus().isOk();
        UUID id = staff.create(aCustomer());

        assertThat(completed(id, 2)).isFalse();
        assertThat(completed(id, 3)).isTrue();
    }

    @Test
    void problematicAndBlockedCustomersStayAsStaffSetThem() {
        UUID problematic = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "PROBLEMATIC"), problematic).expectStatus().isOk();
        UUID blocked = staff.create(aCustomer());
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "BLOCKED"), blocked).expectStatus().isOk();

        assertThat(completed(problematic, 10)).isFalse();
        assertThat(completed(blocked, 10)).isFalse();

        staff.get("/api/v1/customers/{id}", problematic).expectBody().jsonPath("$.status").isEqualTo("PROBLEMATIC");
        staff.get("/api/v1/customers/{id}", blocked).expectBody().jsonPath("$.status").isEqualTo("BLOCKED");
    }
}
