package io.clientele.communication.export;

import io.clientele.communication.CustomerRef;
import io.clientele.platform.privacy.CustomerDataExporter;
import io.clientele.platform.privacy.ExportPart;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * C-12: communication-service's part of a customer's GDPR export, every module's sections together. A
 * customer this service never heard of has empty sections rather than a 404: whether the customer exists is
 * customer-service's to say, and the gateway asks it too.
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

    ExportPart of(CustomerRef customer) {
        return ExportPart.of("communication-service", customer.workspaceId(), customer.customerId(), clock.instant(),
                exporters);
    }
}
