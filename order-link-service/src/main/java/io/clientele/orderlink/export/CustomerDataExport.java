package io.clientele.orderlink.export;

import io.clientele.orderlink.CustomerDataExporter;
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

    record Part(String service, UUID customerId, UUID workspaceId, Instant exportedAt, Map<String, Object> sections) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Part of(UUID workspaceId, UUID customerId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (CustomerDataExporter exporter : exporters) {
            exporter.export(workspaceId, customerId).forEach((name, data) -> {
                if (sections.putIfAbsent(name, data) != null) {
                    throw new IllegalStateException("Two modules export a section named " + name);
                }
            });
        }
        return new Part("order-link-service", customerId, workspaceId, clock.instant(), sections);
    }
}
