package io.clientele.orderlink;

import java.util.Map;
import java.util.UUID;

/**
 * C-12: a module's share of what order-link-service holds about one customer, exported by the module that
 * holds it. Implementations are beans; the export calls them in their {@code @Order}. Whatever a module
 * exports here it also forgets on {@code customer.erased.v1}, or keeps without the person (an order stays
 * the business's record of a sale); {@code PersonalDataIT} holds the two to each other, column by column.
 */
public interface CustomerDataExporter {

    /**
     * @return section name (a stable key of the export document) to what the module holds: records, lists
     *         and maps that serialise to JSON; the same sections whether or not it holds anything about the
     *         customer (empty lists, or null)
     */
    Map<String, Object> export(UUID workspaceId, UUID customerId);
}
