package io.clientele.orderlink.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * Amounts of money as this service keeps them: {@link BigDecimal} at the currency's own scale
 * ({@link Currency#getDefaultFractionDigits()}: 2 for CZK and EUR, 0 for JPY), rounded HALF_UP, the one
 * rounding rule of the service. Prices staff enter must already fit that scale: 10.005 EUR is refused,
 * never rounded behind their back.
 */
public final class Money {

    /** The largest amount a price or a total may reach; far above any real order, far below numeric(19,4). */
    public static final BigDecimal MAX = new BigDecimal("999999999999");

    private Money() {
    }

    /** The ISO 4217 currency of a code, upper-case, or empty when it is not one. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return scaleOf(currency) < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Digits after the decimal point; -1 for pseudo-currencies such as XXX, which nothing is priced in. */
    private static int scaleOf(Currency currency) {
        return currency.getDefaultFractionDigits();
    }

    public static int scale(Currency currency) {
        return Math.max(0, scaleOf(currency));
    }

    /** The one rounding rule: HALF_UP to the currency's scale. */
    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /**
     * Why an amount cannot be a price in the currency, or null when it can.
     */
    public static String problemWith(BigDecimal amount, Currency currency) {
        if (amount.signum() < 0) {
            return "must not be negative";
        }
        if (amount.compareTo(MAX) > 0) {
            return "must be at most " + MAX.toPlainString();
        }
        if (amount.stripTrailingZeros().scale() > scale(currency)) {
            return "has more decimals than " + currency.getCurrencyCode() + " has (" + scale(currency) + ")";
        }
        return null;
    }
}
