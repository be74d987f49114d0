package io.clientele.orderlink.export;

import io.clientele.platform.privacy.CustomerDataExporter;
import io.clientele.platform.privacy.ExportPart;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C-12: order-link-service's part of a customer's GDPR export, every module's sections together, read in
 * one snapshot. A customer this service never heard of has empty sections rather than a 404: whether the
 * customer exists is customer-service's to say, and the gateway asks it too.
 */
@Service
class CustomerDataExport {

    private final List<CustomerDataExporter> exporters;
    private final Clock clock;

    /** @param exporters in their {@code @Order} */
    CustomerDataExport(List<CustomerDataExporter> exporters, Clock clock) {
        this.exporters = exporters;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ExportPart of(UUID workspaceId, UUID customerId) {
        return ExportPart.of("order-link-service", workspaceId, customerId, clock.instant(), exporters);
    }
}
