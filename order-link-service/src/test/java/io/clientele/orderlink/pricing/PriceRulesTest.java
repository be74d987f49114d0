package io.clientele.orderlink.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.orderlink.money.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The pricing rule (O-2) as properties over generated prices, percentages, currencies and quantities:
 * the most specific modifier wins alone, a percentage is rounded once HALF_UP to the currency's scale
 * (checked against integer arithmetic in minor units, an independent computation), and totals are sums of
 * lines.
 */
class PriceRulesTest {

    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("CZK"), Currency.getInstance("EUR"),
            Currency.getInstance("JPY"), Currency.getInstance("BGN"), Currency.getInstance("KWD"));

    record Case(Currency currency, BigDecimal base, BigDecimal percent) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(CURRENCIES), Arbitraries.longs().between(0, 10_000_000_000L),
                Arbitraries.integers().between(0, 10_000)).as((currency, minor, basisPoints) -> new Case(currency,
                new BigDecimal(BigInteger.valueOf(minor), Money.scale(currency)),
                new BigDecimal(BigInteger.valueOf(basisPoints), 2)));
    }

    @Property(tries = 2000)
    void aPercentageIsAppliedToTheBasePriceAndRoundedOnceHalfUp(@ForAll("cases") Case c) {
        PersonalPrice price = PriceRules.price(c.base(), c.currency(), null, null, null, c.percent());

        // independent: minor units × (10000 − basis points), rounded half up by integer division
        BigInteger minor = c.base().unscaledValue();
        BigInteger basisPoints = c.percent().unscaledValue();
        BigInteger numerator = minor.multiply(BigInteger.valueOf(10_000).subtract(basisPoints));
        BigInteger expected = numerator.add(BigInteger.valueOf(5_000)).divide(BigInteger.valueOf(10_000));
        assertThat(price.unitPrice().unscaledValue()).isEqualTo(expected);
        assertThat(price.unitPrice().scale()).isEqualTo(Money.scale(c.currency()));
        assertThat(price.unitPrice()).isBetween(BigDecimal.ZERO, price.basePrice());
        assertThat(price.rule()).isEqualTo(c.percent().signum() == 0 ? PriceRule.BASE_PRICE : PriceRule.CUSTOMER_DISCOUNT);
    }

    @Property(tries = 1000)
    void aLargerDiscountNeverGivesAHigherPrice(@ForAll("cases") Case c, @ForAll @IntRange(max = 10_000) int more) {
        BigDecimal larger = c.percent().add(new BigDecimal(BigInteger.valueOf(more), 2)).min(BigDecimal.valueOf(100));

        assertThat(PriceRules.price(c.base(), c.currency(), null, larger, null, null).unitPrice())
                .isLessThanOrEqualTo(PriceRules.price(c.base(), c.currency(), null, c.percent(), null, null).unitPrice());
    }

    @Property(tries = 1000)
    void theMostSpecificRuleWinsAloneAndRulesNeverStack(@ForAll("cases") Case c,
            @ForAll boolean fixed, @ForAll boolean product, @ForAll boolean category, @ForAll boolean customer) {
        BigDecimal fixedPrice = fixed ? Money.round(c.base().multiply(new BigDecimal("0.5")), c.currency()) : null;
        BigDecimal productPercent = product ? new BigDecimal("12.5") : null;
        BigDecimal categoryPercent = category ? new BigDecimal("10") : null;
        BigDecimal customerPercent = customer ? new BigDecimal("5") : null;

        PersonalPrice price = PriceRules.price(c.base(), c.currency(), fixedPrice, productPercent, categoryPercent,
                customerPercent);

        PriceRule expected = fixed ? PriceRule.PRODUCT_FIXED_PRICE : product ? PriceRule.PRODUCT_PERCENT
                : category ? PriceRule.CATEGORY_PERCENT : customer ? PriceRule.CUSTOMER_DISCOUNT : PriceRule.BASE_PRICE;
        assertThat(price.rule()).isEqualTo(expected);
        BigDecimal alone = switch (expected) {
            case PRODUCT_FIXED_PRICE -> fixedPrice;
            case PRODUCT_PERCENT -> PriceRules.price(c.base(), c.currency(), null, null, null, productPercent).unitPrice();
            case CATEGORY_PERCENT -> PriceRules.price(c.base(), c.currency(), null, null, null, categoryPercent).unitPrice();
            case CUSTOMER_DISCOUNT -> PriceRules.price(c.base(), c.currency(), null, null, null, customerPercent).unitPrice();
            case BASE_PRICE -> c.base();
        };
        assertThat(price.unitPrice()).isEqualByComparingTo(alone);
    }

    @Property(tries = 1000)
    void aLineIsTheShownUnitPriceTimesTheQuantityExactly(@ForAll("cases") Case c,
            @ForAll @IntRange(min = 1, max = 100_000) int quantity) {
        PersonalPrice price = PriceRules.price(c.base(), c.currency(), null, null, c.percent(), null);

        BigDecimal line = PriceRules.line(price.unitPrice(), quantity);

        assertThat(line.scale()).isEqualTo(Money.scale(c.currency()));
        assertThat(line.unscaledValue()).isEqualTo(price.unitPrice().unscaledValue().multiply(BigInteger.valueOf(quantity)));
    }

    @Property(tries = 200)
    void halfAMinorUnitRoundsUp(@ForAll("cases") Case c) {
        // 50 % of an odd number of minor units lands exactly on a half
        BigDecimal odd = new BigDecimal(c.base().unscaledValue().multiply(BigInteger.TWO).add(BigInteger.ONE),
                Money.scale(c.currency()));

        PersonalPrice half = PriceRules.price(odd, c.currency(), null, new BigDecimal("50"), null, null);

        assertThat(half.unitPrice().unscaledValue()).isEqualTo(c.base().unscaledValue().add(BigInteger.ONE));
    }
}
