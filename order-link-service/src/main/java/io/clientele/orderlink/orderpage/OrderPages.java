package io.clientele.orderlink.orderpage;

import io.clientele.orderlink.branding.Brandings;
import io.clientele.orderlink.branding.PageLanguages;
import io.clientele.orderlink.branding.WorkspaceBranding;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.orderlink.links.OpenedLink;
import io.clientele.orderlink.money.Money;
import io.clientele.orderlink.orders.OrderView;
import io.clientele.orderlink.pricing.PersonalPrice;
import io.clientele.orderlink.pricing.PriceList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Builds what the public page shows: the workspace's branding, the customer's active products grouped by
 * category and sorted in the customer's language, each with its personal price beside the base price,
 * every amount formatted for the customer's language and currency. What is the same for every customer
 * comes rendered from {@link PageCatalogs}; only the customer's own part is made per page.
 */
@Component
class OrderPages {

    private final Brandings brandings;
    private final PageCatalogs catalogs;
    private final CatalogFragments fragments;
    private final PriceList priceList;
    private final TemplateEngine templates;

    OrderPages(Brandings brandings, PageCatalogs catalogs, CatalogFragments fragments,
            PriceList priceList, TemplateEngine templates) {
        this.brandings = brandings;
        this.catalogs = catalogs;
        this.fragments = fragments;
        this.priceList = priceList;
        this.templates = templates;
    }

    /** The page's context, or empty when the customer is no longer one who may order. */
    Optional<PageContext> context(OpenedLink link) {
        Optional<OrderingCustomer> customer = Optional.ofNullable(link.customer()).filter(OrderingCustomer::mayOrder);
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
     * The page as UTF-8: page.html around the workspace's cached catalog ({@link PageCatalogs}), each product at
     * the customer's price. The prices are the customer's, computed now by {@link PriceList} from the cached
     * catalog's base prices, exactly as an order computes them; a product the customer entered something for
     * (a form sent back) is rendered again whole, with what they entered and its error.
     *
     * @param entered quantities as typed, by product id (kept when the form comes back)
     * @param errors  message keys by field (qty_<id>, note, lines)
     */
    byte[] page(PageContext page, Map<String, String> entered, Map<String, String> errors, String note,
            String idempotencyKey) {
        CatalogHtml catalog = catalogs.of(page.link().workspaceId(), page.currency(), page.language());
        Map<UUID, PersonalPrice> prices = priceList.prices(page.customer(), page.currency(), catalog.products());
        Map<String, Object> model = common(page);
        model.put("catalog", CatalogFragments.SLOT);
        model.put("empty", catalog.empty());
        model.put("note", note == null ? "" : note);
        model.put("noteError", errors.get("note"));
        model.put("formError", errors.get("lines") != null ? errors.get("lines") : errors.get("idempotencyKey"));
        model.put("hasErrors", !errors.isEmpty());
        model.put("idempotencyKey", idempotencyKey);
        String shell = templates.process("orderpage/page", new Context(page.locale(), model));
        if (catalog.empty()) {
            return shell.getBytes(StandardCharsets.UTF_8);
        }
        String[] around = CatalogFragments.split(shell);
        NumberFormat money = money(page.locale(), page.currency());
        boolean asSent = entered.isEmpty() && errors.isEmpty();
        ByteArrayOutputStream html = new ByteArrayOutputStream(catalog.pageBytes());
        html.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        for (CatalogHtml.Section section : catalog.sections()) {
            html.writeBytes(section.open());
            for (CatalogHtml.ProductHtml product : section.products()) {
                PersonalPrice price = prices.get(product.product().id());
                String id = product.shown().id();
                if (!asSent && (entered.containsKey(id) || errors.containsKey("qty_" + id))) {
                    PageProduct shown = product.shown().priced(money.format(price.unitPrice()),
                            price.personal() ? product.shown().basePrice() : null)
                            .entered(entered.getOrDefault(id, ""), errors.get("qty_" + id));
                    html.writeBytes(fragments.product(page.locale(), shown, catalog.quantityLabel())
                            .getBytes(StandardCharsets.UTF_8));
                } else if (price.personal()) {
                    html.writeBytes(product.withBase());
                    html.writeBytes(catalog.price(price.unitPrice(), money));
                    html.writeBytes(product.afterPrice());
                } else {
                    // the customer pays the base price: the cached, formatted base price is theirs
                    html.writeBytes(product.alone());
                    html.writeBytes(product.basePrice());
                    html.writeBytes(product.afterPrice());
                }
            }
            html.writeBytes(section.close());
        }
        html.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return html.toByteArray();
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
