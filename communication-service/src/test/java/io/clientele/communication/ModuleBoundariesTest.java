package io.clientele.communication;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (contacts, preferences, settings, templates, messages, sending, unsubscribe,
 * erasure, health, outbox, integration) depend on each other only through their top-level public types and
 * never in a cycle.
 */
class ModuleBoundariesTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(CommunicationApplication.class).verify();
    }
}
