package io.clientele.orderlink.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product as other modules read it: what the order page shows and an order line records, with its base
 * price in one currency (at the currency's scale).
 */
public record CatalogProduct(UUID id, String sku, String name, String description, String imageUrl,
        UUID categoryId, String categoryName, String unit, BigDecimal basePrice) {
}
