package io.clientele.orderlink.pricing;

import java.math.BigDecimal;

/**
 * One product's price for one customer, at the currency's scale.
 *
 * @param percent the percentage off the base price the rule applied, or null (fixed or base price)
 */
public record PersonalPrice(BigDecimal basePrice, BigDecimal unitPrice, PriceRule rule, BigDecimal percent) {

    /** Whether the customer pays something else than the base price (the page shows both then). */
    public boolean personal() {
        return unitPrice.compareTo(basePrice) != 0;
    }
}
