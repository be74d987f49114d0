package io.clientele.communication;

import java.util.Map;

/**
 * C-12: a module's share of what communication-service holds about one customer, exported by the module
 * that holds it. Implementations are beans; the export calls them in their {@code @Order}. Whatever a
 * module exports here it also removes on {@code customer.erased.v1} (or keeps as proof, without the
 * person); {@code PersonalDataIT} holds the two to each other, field by field.
 */
public interface CustomerDataExporter {

    /**
     * @return section name (a stable key of the export document) to what the module holds: records, lists
     *         and maps that serialise to JSON; null or empty when it holds nothing about the customer
     */
    Map<String, Object> export(CustomerRef customer);
}
