package io.clientele.orderlink.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A product as staff see it, with its base prices by currency. */
record ProductView(UUID id, String sku, String name, String description, String imageUrl, UUID categoryId,
        String categoryName, boolean active, String unit, Map<String, BigDecimal> prices, Instant createdAt,
        Instant updatedAt, long version) {

    ProductView withPrices(Map<String, BigDecimal> newPrices) {
        return new ProductView(id, sku, name, description, imageUrl, categoryId, categoryName, active, unit,
                newPrices, createdAt, updatedAt, version);
    }

    ProductDraft asDraft() {
        return new ProductDraft(sku, name, description, imageUrl, categoryId, active, unit, prices);
    }
}
