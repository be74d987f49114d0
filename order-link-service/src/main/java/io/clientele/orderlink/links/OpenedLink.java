package io.clientele.orderlink.links;

import io.clientele.orderlink.customers.OrderingCustomer;
import java.util.UUID;

/**
 * A working link, opened: whose page it is.
 *
 * @param customer the customer as read with the link, in the same query (one who may order)
 */
public record OpenedLink(UUID linkId, UUID workspaceId, UUID customerId, OrderingCustomer customer) {
}
