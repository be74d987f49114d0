package io.clientele.customer.customers;

import java.util.Map;
import java.util.UUID;

/**
 * C-12: a module's share of what customer-service holds about one customer, exported by the module that
 * holds it (it knows its own tables and views). Implementations are beans; the export calls them in
 * their {@code @Order}, inside one read-only transaction, once the customer is known to exist.
 * <p>
 * Whatever a module exports here it also erases or anonymises on {@link CustomerEvents.CustomerErased};
 * {@code PersonalDataIT} holds the two to each other, column by column.
 */
public interface CustomerDataExporter {

    /**
     * @return section name (a stable key of the export document, e.g. {@code "notes"}) to what the module
     *         holds: records, lists and maps that serialise to JSON; empty lists rather than absent sections
     */
    Map<String, Object> export(UUID workspaceId, UUID customerId);
}
