package io.clientele.scenario;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (definitions, enrollments, readymade, privacy) depend on each other only through the
 * public types of their top-level package, and never in a cycle: enrollments and readymade sit on definitions.
 */
class ModuleBoundariesTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(ScenarioApplication.class).verify();
    }
}
