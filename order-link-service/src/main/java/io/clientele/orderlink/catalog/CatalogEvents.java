package io.clientele.orderlink.catalog;

import java.util.UUID;

/** What the catalog tells the rest of the service, inside the transaction of the change. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** A product was deleted: prices set for it alone mean nothing any more. */
    public record ProductDeleted(UUID workspaceId, UUID productId) {
    }

    /** A category was deleted: its products stay, without a category. */
    public record CategoryDeleted(UUID workspaceId, UUID categoryId) {
    }
}
