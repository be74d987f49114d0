package io.clientele.orderlink.pricing;

import io.clientele.orderlink.catalog.Catalog;
import io.clientele.orderlink.catalog.CatalogEvents.CategoryDeleted;
import io.clientele.orderlink.catalog.CatalogEvents.ProductDeleted;
import io.clientele.orderlink.catalog.CatalogProduct;
import io.clientele.orderlink.customers.CustomerDirectory;
import io.clientele.orderlink.customers.CustomerErased;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.orderlink.money.Money;
import io.clientele.orderlink.pricing.Modifier.TargetType;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** O-2: staff set a customer's modifiers and see the customer's price list as the page shows it. */
@Service
class CustomerPricing {

    private final ModifierStore modifiers;
    private final CustomerDirectory customers;
    private final Catalog catalog;
    private final PriceList priceList;
    private final Clock clock;

    CustomerPricing(ModifierStore modifiers, CustomerDirectory customers, Catalog catalog, PriceList priceList,
            Clock clock) {
        this.modifiers = modifiers;
        this.customers = customers;
        this.catalog = catalog;
        this.priceList = priceList;
        this.clock = clock;
    }

    /** @param fixedPrices by ISO 4217 code; products only */
    record ModifierRequest(BigDecimal percent, Map<String, BigDecimal> fixedPrices) {
    }

    /** One product's price for the customer, with the rule that set it. */
    record PriceLine(UUID productId, String sku, String name, String currency, BigDecimal basePrice,
            BigDecimal unitPrice, PriceRule rule, BigDecimal percent) {
    }

    List<Modifier> modifiers(UUID workspaceId, UUID customerId) {
        customer(workspaceId, customerId);
        return modifiers.of(workspaceId, customerId);
    }

    @Transactional
    Modifier replace(UUID workspaceId, UUID customerId, TargetType type, UUID targetId, ModifierRequest request) {
        customer(workspaceId, customerId);
        boolean exists = type == TargetType.PRODUCT ? catalog.productExists(workspaceId, targetId)
                : catalog.categoryExists(workspaceId, targetId);
        if (!exists) {
            throw new NotFoundException(type.name().toLowerCase(Locale.ROOT), targetId.toString());
        }
        Modifier modifier = check(type, targetId, request);
        modifiers.replace(workspaceId, customerId, modifier, clock.instant());
        return modifier;
    }

    @Transactional
    void delete(UUID workspaceId, UUID customerId, TargetType type, UUID targetId) {
        customer(workspaceId, customerId);
        if (!modifiers.delete(workspaceId, customerId, type, targetId)) {
            throw new NotFoundException("price modifier", type.name().toLowerCase(Locale.ROOT) + " " + targetId);
        }
    }

    /** The customer's prices of every orderable product, sorted by name in the customer's language. */
    List<PriceLine> prices(UUID workspaceId, UUID customerId, String currencyCode) {
        OrderingCustomer customer = customer(workspaceId, customerId);
        Currency currency = currencyCode == null ? priceList.currencyOf(customer) : Money.currency(currencyCode)
                .orElseThrow(() -> InvalidInputException.of("currency", "currency",
                        "'" + currencyCode + "' is not an ISO 4217 currency code such as CZK or EUR"));
        List<CatalogProduct> products = new ArrayList<>(catalog.orderable(workspaceId, currency));
        Collator collator = Collator.getInstance(Locale.forLanguageTag(customer.language() == null ? "en"
                : customer.language()));
        products.sort(Comparator.comparing(CatalogProduct::name, collator));
        Map<UUID, PersonalPrice> prices = priceList.prices(customer, currency, products);
        return products.stream().map(product -> {
            PersonalPrice price = prices.get(product.id());
            return new PriceLine(product.id(), product.sku(), product.name(), currency.getCurrencyCode(),
                    price.basePrice(), price.unitPrice(), price.rule(), price.percent());
        }).toList();
    }

    private OrderingCustomer customer(UUID workspaceId, UUID customerId) {
        return customers.find(workspaceId, customerId).filter(customer -> !customer.erased())
                .orElseThrow(() -> new NotFoundException("customer", customerId.toString()));
    }

    private static Modifier check(TargetType type, UUID targetId, ModifierRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean percent = request.percent() != null;
        boolean fixed = request.fixedPrices() != null && !request.fixedPrices().isEmpty();
        if (percent == fixed) {
            violations.add(new FieldViolation("percent", "one-of", "give either percent or fixedPrices"));
        } else if (percent && (request.percent().signum() < 0 || request.percent().compareTo(BigDecimal.valueOf(100)) > 0
                || request.percent().stripTrailingZeros().scale() > 2)) {
            violations.add(new FieldViolation("percent", "range",
                    "must be between 0 and 100 with at most two decimals"));
        } else if (fixed && type == TargetType.CATEGORY) {
            violations.add(new FieldViolation("fixedPrices", "target",
                    "a category takes a percent only; set fixed prices on its products"));
        } else if (fixed) {
            request.fixedPrices().forEach((code, amount) -> {
                Currency currency = Money.currency(code).orElse(null);
                if (currency == null) {
                    violations.add(new FieldViolation("fixedPrices." + code, "currency",
                            "'" + code + "' is not an ISO 4217 currency code such as CZK or EUR"));
                } else if (amount == null) {
                    violations.add(new FieldViolation("fixedPrices." + code, "required", "must be an amount"));
                } else if (Money.problemWith(amount, currency) != null) {
                    violations.add(new FieldViolation("fixedPrices." + code, "amount",
                            amount.toPlainString() + " " + Money.problemWith(amount, currency)));
                }
            });
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Modifier(type, targetId, percent ? request.percent().stripTrailingZeros() : null,
                fixed ? new TreeMap<>(request.fixedPrices()) : null);
    }

    @EventListener
    void on(ProductDeleted event) {
        modifiers.deleteTarget(event.workspaceId(), TargetType.PRODUCT, event.productId());
    }

    @EventListener
    void on(CategoryDeleted event) {
        modifiers.deleteTarget(event.workspaceId(), TargetType.CATEGORY, event.categoryId());
    }

    @EventListener
    void on(CustomerErased event) {
        modifiers.deleteCustomer(event.workspaceId(), event.customerId());
    }
}
