package io.clientele.orderlink.pricing;

import io.clientele.orderlink.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;

/**
 * O-2, the pricing rule, in one place. For one customer, one product and the page's currency:
 *
 * <ol>
 *   <li>a <b>fixed price of the product</b> for the customer in that currency, if there is one;</li>
 *   <li>else a <b>percentage off the product</b> for the customer;</li>
 *   <li>else a <b>percentage off the product's category</b> for the customer;</li>
 *   <li>else the <b>customer's discount percent</b> (from customer-service);</li>
 *   <li>else the base price.</li>
 * </ol>
 * The most specific rule wins and applies alone: rules never stack (a category's 10 % and the customer's
 * 5 % give 10 %, not 14.5 %), so staff can read any price back to one rule, which the API names.
 *
 * <p>Rounding: a percentage is applied to the base price and the result rounded once, HALF_UP to the
 * currency's scale ({@link Money#round}): that rounded unit price is what the page shows and what the
 * order charges. A line is unit price × quantity (exact: no further rounding); an order's total is the sum
 * of its lines. So the total a customer sees is always the sum of the lines they see.
 */
public final class PriceRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PriceRules() {
    }

    /**
     * @param basePrice       the product's base price in the currency, at its scale
     * @param fixedPrice      the customer's fixed price of the product in the currency, or null
     * @param productPercent  the customer's percentage off the product, or null
     * @param categoryPercent the customer's percentage off the product's category, or null
     * @param customerPercent the customer's discount percent, or null (0 is no discount)
     */
    public static PersonalPrice price(BigDecimal basePrice, Currency currency, BigDecimal fixedPrice,
            BigDecimal productPercent, BigDecimal categoryPercent, BigDecimal customerPercent) {
        BigDecimal base = Money.round(basePrice, currency);
        if (fixedPrice != null) {
            return new PersonalPrice(base, Money.round(fixedPrice, currency), PriceRule.PRODUCT_FIXED_PRICE, null);
        }
        if (productPercent != null) {
            return percentOff(base, currency, productPercent, PriceRule.PRODUCT_PERCENT);
        }
        if (categoryPercent != null) {
            return percentOff(base, currency, categoryPercent, PriceRule.CATEGORY_PERCENT);
        }
        if (customerPercent != null && customerPercent.signum() > 0) {
            return percentOff(base, currency, customerPercent, PriceRule.CUSTOMER_DISCOUNT);
        }
        return new PersonalPrice(base, base, PriceRule.BASE_PRICE, null);
    }

    private static PersonalPrice percentOff(BigDecimal base, Currency currency, BigDecimal percent, PriceRule rule) {
        BigDecimal exact = base.multiply(HUNDRED.subtract(percent), MathContext.UNLIMITED).divide(HUNDRED);
        return new PersonalPrice(base, Money.round(exact, currency), rule, percent.stripTrailingZeros());
    }

    /** A line's amount: the unit price times the quantity, exact (the unit price is already rounded). */
    public static BigDecimal line(BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
