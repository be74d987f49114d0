package io.clientele.orderlink.pricing;

import io.clientele.orderlink.branding.Brandings;
import io.clientele.orderlink.catalog.CatalogProduct;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.orderlink.money.Money;
import io.clientele.orderlink.pricing.Modifier.TargetType;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A customer's prices of a set of products, by {@link PriceRules}: what the public page shows and what an
 * order charges, computed the same way from the same data, on the server.
 */
@Component
public class PriceList {

    private final ModifierStore modifiers;
    private final Brandings brandings;

    PriceList(ModifierStore modifiers, Brandings brandings) {
        this.modifiers = modifiers;
        this.brandings = brandings;
    }

    /** The customer's own currency when the service can price in it, else the workspace's default. */
    public Currency currencyOf(OrderingCustomer customer) {
        return Money.currency(customer.currency())
                .orElseGet(() -> brandings.of(customer.workspaceId()).defaultCurrency());
    }

    /** Personal prices by product id, in the order given. */
    public Map<UUID, PersonalPrice> prices(OrderingCustomer customer, Currency currency, List<CatalogProduct> products) {
        Map<UUID, BigDecimal> productPercent = new HashMap<>();
        Map<UUID, BigDecimal> productFixed = new HashMap<>();
        Map<UUID, BigDecimal> categoryPercent = new HashMap<>();
        for (Modifier modifier : modifiers.of(customer.workspaceId(), customer.id())) {
            if (modifier.targetType() == TargetType.CATEGORY) {
                if (modifier.percent() != null) {
                    categoryPercent.put(modifier.targetId(), modifier.percent());
                }
            } else if (modifier.percent() != null) {
                productPercent.put(modifier.targetId(), modifier.percent());
            } else if (modifier.fixedPrices().containsKey(currency.getCurrencyCode())) {
                productFixed.put(modifier.targetId(), modifier.fixedPrices().get(currency.getCurrencyCode()));
            }
        }
        Map<UUID, PersonalPrice> prices = new LinkedHashMap<>();
        for (CatalogProduct product : products) {
            prices.put(product.id(), PriceRules.price(product.basePrice(), currency, productFixed.get(product.id()),
                    productPercent.get(product.id()),
                    product.categoryId() == null ? null : categoryPercent.get(product.categoryId()),
                    customer.discountPercent()));
        }
        return prices;
    }
}
