package io.clientele.customer.privacy;

import io.clientele.customer.customers.CustomerDataExporter;
import io.clientele.customer.customers.Customers;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C-12: customer-service's part of a customer's GDPR export: every module's sections, read in one
 * snapshot (REPEATABLE READ) so the sections agree with each other even while the customer changes.
 */
@Service
class CustomerExport {

    private final Customers customers;
    private final List<CustomerDataExporter> exporters;
    private final Clock clock;

    /** @param exporters in their {@code @Order}: the record first */
    CustomerExport(Customers customers, List<CustomerDataExporter> exporters, Clock clock) {
        this.customers = customers;
        this.exporters = exporters;
        this.clock = clock;
    }

    /**
     * @param sections section name to what the service holds; the names are stable (see the README)
     */
    record Part(String service, UUID customerId, UUID workspaceId, Instant exportedAt, Map<String, Object> sections) {
    }

    /** Fails with 404 for an unknown customer and 410 for an erased one, before anything is read. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Part of(UUID workspaceId, UUID customerId) {
        customers.requireExisting(workspaceId, customerId);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (CustomerDataExporter exporter : exporters) {
            exporter.export(workspaceId, customerId).forEach((name, data) -> {
                if (sections.putIfAbsent(name, data) != null) {
                    throw new IllegalStateException("Two modules export a section named " + name);
                }
            });
        }
        return new Part("customer-service", customerId, workspaceId, clock.instant(), sections);
    }
}
