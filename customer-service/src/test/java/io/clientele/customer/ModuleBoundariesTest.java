package io.clientele.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (booking, communication, customers, customfields, groups, imports, integration, privacy,
 * kafka, notes, search, settings, timeline) depend on each other only through the public types of
 * their top-level package, never on a sub-package (such as a {@code customers.internal}) and never in
 * a cycle.
 * <p>
 * Within a package, types are package-private unless another module needs them, so the compiler
 * already keeps the rest out of reach. What it cannot see is a type made public without another
 * module needing it: for customers, the module most others use, the list of what it shows is kept
 * here, so widening its API is a decision someone makes rather than a side effect.
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CustomerServiceApplication.class);

    @Test
    void featurePackagesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void customersShowsOtherModulesOnlyItsApi() {
        List<String> shown = MODULES.getModuleByName("customers").orElseThrow().getNamedInterfaces()
                .getUnnamedInterface().asJavaClasses().filter(type -> !type.isNestedClass())
                .map(JavaClass::getSimpleName).toList();

        assertThat(shown).containsExactlyInAnyOrder(
                // what the other modules call
                "Customers", "BookingCustomers", "ImportChunkWriter", "ImportUndo", "ImportHistory", "FieldRules",
                // what they hand in and get back
                "BookingContact", "ImportedRow", "CustomerProfile", "CustomerDetails", "Address", "CustomerEvents",
                // the vocabulary of filters, import cells and events
                "LifecycleStatus", "SubscriptionState", "ContactState", "CustomerSource", "CustomerType", "Gender",
                "SalesStage", "Temperature");
    }
}
