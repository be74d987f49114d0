package io.clientele.customer.customfields;

import java.util.UUID;

/** A workspace removed a field from its client card; its values go with it. */
public record CustomFieldRemoved(UUID workspaceId, String key) {
}
