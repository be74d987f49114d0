package io.clientele.orderlink;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (money, branding, catalog, customers, pricing, links, orders, orderpage) depend on
 * each other only through the public types of their top-level package, and never in a cycle: the page
 * sits on top, orders on pricing and links, pricing on catalog and customers.
 */
class ModuleBoundariesTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(OrderLinkApplication.class).verify();
    }
}
