package io.clientele.platform.privacy;

import java.util.Map;
import java.util.UUID;

/**
 * C-12: a module's share of what its service holds about one customer, exported by the module that holds
 * it (it knows its own tables, views or collections). Implementations are beans; the service's export
 * calls them in their {@code @Order} ({@link ExportPart#of}), inside one read-only snapshot.
 * <p>
 * Whatever a module exports here it also erases or anonymises on {@code customer.erased.v1}; each
 * service's {@code PersonalDataIT} holds the two to each other, column by column or field by field.
 */
public interface CustomerDataExporter {

    /**
     * @return section name (a stable key of the export document, e.g. {@code "notes"}) to what the module
     *         holds: records, lists and maps that serialise to JSON; the same sections whether or not it
     *         holds anything about the customer (empty lists, or null)
     */
    Map<String, Object> export(UUID workspaceId, UUID customerId);
}
