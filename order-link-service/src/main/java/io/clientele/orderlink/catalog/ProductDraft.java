package io.clientele.orderlink.catalog;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A product as staff or an import row describe it, before it is checked. Null fields are "not given":
 * an API create or replace requires sku and name; an import row leaves an existing product's other
 * fields as they are.
 *
 * @param prices base prices by ISO 4217 code
 */
record ProductDraft(String sku, String name, String description, String imageUrl, UUID categoryId, Boolean active,
        String unit, Map<String, BigDecimal> prices) {
}
