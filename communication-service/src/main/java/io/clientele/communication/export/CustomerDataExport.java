package io.clientele.communication.export;

import io.clientele.communication.CustomerDataExporter;
import io.clientele.communication.CustomerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    record Part(String service, UUID customerId, UUID workspaceId, Instant exportedAt, Map<String, Object> sections) {
    }

    Part of(CustomerRef customer) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (CustomerDataExporter exporter : exporters) {
            exporter.export(customer).forEach((name, data) -> {
                if (sections.containsKey(name)) {
                    throw new IllegalStateException("Two modules export a section named " + name);
                }
                sections.put(name, data);
            });
        }
        return new Part("communication-service", customer.customerId(), customer.workspaceId(), clock.instant(),
                sections);
    }
}
