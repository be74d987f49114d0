package io.clientele.customer;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (customers, search, notes, groups, customfields, settings, integration) depend
 * on each other only through their top-level public types and never in a cycle.
 */
class ModuleBoundariesTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(CustomerServiceApplication.class).verify();
    }
}
