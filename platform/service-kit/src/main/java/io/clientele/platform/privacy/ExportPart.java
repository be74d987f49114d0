package io.clientele.platform.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * C-12: one service's part of a customer's GDPR export, as every service serves it at
 * {@code GET /api/v1/exports/customers/{id}} and the gateway puts the parts side by side.
 *
 * @param sections section name to what the service holds; the names are stable (see the README)
 */
public record ExportPart(String service, UUID customerId, UUID workspaceId, Instant exportedAt,
        Map<String, Object> sections) {

    /**
     * Every module's sections, in the exporters' order; two modules naming one section is a mistake in the
     * service, not something to merge quietly.
     */
    public static ExportPart of(String service, UUID workspaceId, UUID customerId, Instant exportedAt,
            List<? extends CustomerDataExporter> exporters) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (CustomerDataExporter exporter : exporters) {
            exporter.export(workspaceId, customerId).forEach((name, data) -> {
                if (sections.containsKey(name)) {
                    throw new IllegalStateException("Two modules export a section named " + name);
                }
                sections.put(name, data);
            });
        }
        return new ExportPart(service, customerId, workspaceId, exportedAt, sections);
    }
}
