package io.clientele.orderlink.orderpage;

import io.clientele.orderlink.branding.Brandings;
import io.clientele.orderlink.branding.PageLanguages;
import io.clientele.orderlink.branding.WorkspaceBranding;
import io.clientele.orderlink.catalog.Catalog;
import io.clientele.orderlink.catalog.CatalogProduct;
import io.clientele.orderlink.customers.CustomerDirectory;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.orderlink.links.OpenedLink;
import io.clientele.orderlink.money.Money;
import io.clientele.orderlink.orders.OrderView;
import io.clientele.orderlink.pricing.PersonalPrice;
import io.clientele.orderlink.pricing.PriceList;
import java.text.CollationKey;
import java.text.Collator;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds what the public page shows: the workspace's branding, the customer's active products grouped by
 * category and sorted in the customer's language, each with its personal price beside the base price,
 * every amount formatted for the customer's language and currency.
 */
@Component
class OrderPages {

    private final CustomerDirectory customers;
    private final Brandings brandings;
    private final Catalog catalog;
    private final PriceList priceList;
    private final MessageSource messages;

    OrderPages(CustomerDirectory customers, Brandings brandings, Catalog catalog, PriceList priceList,
            MessageSource messages) {
        this.customers = customers;
        this.brandings = brandings;
        this.catalog = catalog;
        this.priceList = priceList;
        this.messages = messages;
    }

    /** The page's context, or empty when the customer is no longer one who may order. */
    Optional<PageContext> context(OpenedLink link) {
        Optional<OrderingCustomer> customer = customers.find(link.workspaceId(), link.customerId())
                .filter(OrderingCustomer::mayOrder);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        WorkspaceBranding branding = brandings.of(link.workspaceId());
        String language = Optional.ofNullable(PageLanguages.supported(customer.get().language()))
                .or(() -> Optional.ofNullable(PageLanguages.supported(branding.defaultLanguage()))).orElse("en");
        return Optional.of(new PageContext(link, customer.get(), branding, priceList.currencyOf(customer.get()),
                language));
    }

    /**
     * @param entered quantities as typed, by product id (kept when the form comes back)
     * @param errors  message keys by field (qty_<id>, note, lines)
     */
    Map<String, Object> catalog(PageContext page, Map<String, String> entered, Map<String, String> errors, String note,
            String idempotencyKey) {
        List<CatalogProduct> products = new ArrayList<>(catalog.orderable(page.link().workspaceId(), page.currency()));
        Collator collator = Collator.getInstance(page.locale());
        // one collation key per name, compared many times: a tenth of what comparing the names costs
        Map<UUID, CollationKey> sortKeys = new HashMap<>();
        products.forEach(product -> sortKeys.put(product.id(), collator.getCollationKey(product.name())));
        products.sort(Comparator.comparing((CatalogProduct product) -> sortKeys.get(product.id()))
                .thenComparing(CatalogProduct::sku));
        Map<UUID, PersonalPrice> prices = priceList.prices(page.customer(), page.currency(), products);
        NumberFormat money = money(page.locale(), page.currency());
        // the "per unit" words once per unit, not once per product in the template
        Map<String, String> perUnit = new HashMap<>();
        Map<String, List<PageProduct>> byCategory = new HashMap<>();
        for (CatalogProduct product : products) {
            PersonalPrice price = prices.get(product.id());
            String id = product.id().toString();
            byCategory.computeIfAbsent(product.categoryName() == null ? "" : product.categoryName(),
                    key -> new ArrayList<>()).add(new PageProduct(id, product.sku(), product.name(),
                    product.description(), product.imageUrl(), perUnit.computeIfAbsent(product.unit(),
                            unit -> messages.getMessage("page.perUnit", new Object[] {unit}, page.locale())),
                    price.personal() ? money.format(price.basePrice()) : null, money.format(price.unitPrice()),
                    entered.getOrDefault(id, ""), errors.get("qty_" + id)));
        }
        List<String> names = new ArrayList<>(byCategory.keySet());
        names.sort(Comparator.comparing((String name) -> name.isEmpty()).thenComparing(collator::compare));
        List<PageCategory> categories = names.stream()
                .map(name -> new PageCategory(name.isEmpty() ? null : name, byCategory.get(name))).toList();
        Map<String, Object> model = common(page);
        model.put("categories", categories);
        model.put("empty", products.isEmpty());
        model.put("note", note == null ? "" : note);
        model.put("noteError", errors.get("note"));
        model.put("formError", errors.get("lines") != null ? errors.get("lines") : errors.get("idempotencyKey"));
        model.put("hasErrors", !errors.isEmpty());
        model.put("idempotencyKey", idempotencyKey);
        model.put("quantityLabel", messages.getMessage("page.quantity", null, page.locale()));
        return model;
    }

    /** The confirmation after an order, with its lines and total as stored (never recomputed). */
    Map<String, Object> placed(PageContext page, OrderView order) {
        Currency currency = Currency.getInstance(order.currency());
        NumberFormat money = money(page.locale(), currency);
        Map<String, Object> model = common(page);
        model.put("number", order.number());
        model.put("lines", order.lines().stream().map(line -> Map.of("name", line.name(), "sku", line.sku(),
                "quantity", line.quantity(), "unit", line.unit(), "unitPrice", money.format(line.unitPrice()),
                "lineTotal", money.format(line.lineTotal()))).toList());
        model.put("total", money.format(order.total()));
        model.put("note", order.note());
        return model;
    }

    private static Map<String, Object> common(PageContext page) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("businessName", page.branding().businessName());
        model.put("logoUrl", page.branding().logoUrl());
        model.put("customerName", page.customer().displayName());
        model.put("language", page.language());
        model.put("currency", page.currency().getCurrencyCode());
        return model;
    }

    static NumberFormat money(Locale locale, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(Money.scale(currency));
        format.setMaximumFractionDigits(Money.scale(currency));
        return format;
    }
}
