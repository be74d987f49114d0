package io.clientele.orderlink.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's modifier of one product or one category: a percentage off, or (products only) fixed
 * prices by currency. Exactly one of the two is set.
 */
record Modifier(TargetType targetType, UUID targetId, BigDecimal percent, Map<String, BigDecimal> fixedPrices) {

    enum TargetType {
        PRODUCT, CATEGORY
    }
}
