package io.clientele.customer.privacy;

import io.clientele.customer.customers.Customers;
import io.clientele.platform.privacy.CustomerDataExporter;
import io.clientele.platform.privacy.ExportPart;
import java.time.Clock;
import java.util.List;
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

    /** Fails with 404 for an unknown customer and 410 for an erased one, before anything is read. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ExportPart of(UUID workspaceId, UUID customerId) {
        customers.requireExisting(workspaceId, customerId);
        return ExportPart.of("customer-service", workspaceId, customerId, clock.instant(), exporters);
    }
}
