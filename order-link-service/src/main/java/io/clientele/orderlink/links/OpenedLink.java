package io.clientele.orderlink.links;

import java.util.UUID;

/** A working link, opened: whose page it is. */
public record OpenedLink(UUID linkId, UUID workspaceId, UUID customerId) {
}
