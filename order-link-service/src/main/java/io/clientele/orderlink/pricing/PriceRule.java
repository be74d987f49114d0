package io.clientele.orderlink.pricing;

/** Which rule set a customer's price of a product: the most specific one that applies, alone. */
public enum PriceRule {
    /** A fixed price of this product for this customer, in the page's currency. */
    PRODUCT_FIXED_PRICE,
    /** A percentage off this product for this customer. */
    PRODUCT_PERCENT,
    /** A percentage off every product of the product's category for this customer. */
    CATEGORY_PERCENT,
    /** The customer's own discount percent (customer-service's discountPercent). */
    CUSTOMER_DISCOUNT,
    /** No modifier and no discount: the base price. */
    BASE_PRICE
}
