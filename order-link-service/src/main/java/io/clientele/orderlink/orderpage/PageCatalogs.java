package io.clientele.orderlink.orderpage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.clientele.orderlink.catalog.Catalog;
import io.clientele.orderlink.catalog.CatalogProduct;
import java.nio.charset.StandardCharsets;
import java.text.CollationKey;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The part of the order page that is the same for every customer of a workspace who reads it in one language
 * and pays in one currency: the orderable products sorted in that language, grouped by category and rendered
 * (names, descriptions, base prices, the words around them), with a slot for the customer's own price. Building
 * it was nearly all a page cost (Thymeleaf rendering 500 products, sorting their names by collation), so it is
 * built once per catalog version and kept; a page then only prices the products for its customer
 * ({@code PriceList}, as an order does) and fills in the slots.
 *
 * <p>Staying current: the key holds the workspace's catalog version ({@link Catalog#version}), which every
 * change to a product, a base price or a category raises in its own transaction, and which every page reads
 * (one primary-key lookup). So a change shows on the next page, in this instance and in every other one, with
 * no time-to-live to wait out and no message between instances. An entry of an older version is never asked for
 * again; it leaves when idle or when the cache is full. Nothing about a customer is kept here: their status,
 * discount, modifiers and link are read for every page.
 *
 * <p>Caffeine rather than a map: it bounds the memory by weight (bytes of HTML), evicts what is least worth
 * keeping, and builds a missing entry once while concurrent pages for the same key wait for it (200 customers
 * opening their pages right after a catalog change cause one build, not 200).
 */
@Component
class PageCatalogs {

    private final Catalog catalog;
    private final CatalogFragments fragments;
    private final MessageSource messages;
    private final Cache<Key, CatalogHtml> cache;

    PageCatalogs(Catalog catalog, CatalogFragments fragments, MessageSource messages,
            @Value("${clientele.orderlink.page-cache.max-megabytes:64}") long maxMegabytes,
            @Value("${clientele.orderlink.page-cache.idle:PT1H}") Duration idle) {
        this.catalog = catalog;
        this.fragments = fragments;
        this.messages = messages;
        this.cache = Caffeine.newBuilder().maximumWeight(maxMegabytes * 1024 * 1024)
                .weigher((Key key, CatalogHtml html) -> html.bytes()).expireAfterAccess(idle).build();
    }

    private record Key(UUID workspaceId, Currency currency, String language, long version) {
    }

    /** The workspace's catalog as the page shows it in the language and currency, current as of this call. */
    CatalogHtml of(UUID workspaceId, Currency currency, String language) {
        return cache.get(new Key(workspaceId, currency, language, catalog.version(workspaceId)), this::build);
    }

    private CatalogHtml build(Key key) {
        Locale locale = Locale.forLanguageTag(key.language());
        List<CatalogProduct> products = new ArrayList<>(catalog.orderable(key.workspaceId(), key.currency()));
        Collator collator = Collator.getInstance(locale);
        // one collation key per name, compared many times: a tenth of what comparing the names costs
        Map<UUID, CollationKey> sortKeys = new HashMap<>();
        products.forEach(product -> sortKeys.put(product.id(), collator.getCollationKey(product.name())));
        products.sort(Comparator.comparing((CatalogProduct product) -> sortKeys.get(product.id()))
                .thenComparing(CatalogProduct::sku));
        NumberFormat money = OrderPages.money(locale, key.currency());
        String quantityLabel = messages.getMessage("page.quantity", null, locale);
        // the "per unit" words once per unit
        Map<String, String> perUnit = new HashMap<>();
        Map<String, List<CatalogHtml.ProductHtml>> byCategory = new LinkedHashMap<>();
        for (CatalogProduct product : products) {
            PageProduct shown = new PageProduct(product.id().toString(), product.sku(), product.name(),
                    product.description(), product.imageUrl(), perUnit.computeIfAbsent(product.unit(),
                            unit -> messages.getMessage("page.perUnit", new Object[] {unit}, locale)),
                    money.format(product.basePrice()), null, "", null);
            byCategory.computeIfAbsent(product.categoryName() == null ? "" : product.categoryName(),
                    name -> new ArrayList<>()).add(product(product, shown, locale, quantityLabel));
        }
        List<String> names = new ArrayList<>(byCategory.keySet());
        names.sort(Comparator.comparing(String::isEmpty).thenComparing(collator::compare));
        List<CatalogHtml.Section> sections = names.stream().map(name -> {
            String[] around = CatalogFragments.split(fragments.category(locale, name.isEmpty() ? null : name,
                    CatalogFragments.SLOT));
            return new CatalogHtml.Section(utf8(around[0]), byCategory.get(name), utf8(around[1]));
        }).toList();
        return new CatalogHtml(locale, quantityLabel, sections);
    }

    /** The product rendered twice around the slot of its price: with the base price struck through, and alone. */
    private CatalogHtml.ProductHtml product(CatalogProduct product, PageProduct shown, Locale locale,
            String quantityLabel) {
        String[] withBase = CatalogFragments.split(fragments.product(locale, shown.priced(CatalogFragments.SLOT, shown.basePrice()),
                quantityLabel));
        String[] alone = CatalogFragments.split(fragments.product(locale, shown.priced(CatalogFragments.SLOT, null),
                quantityLabel));
        if (!withBase[1].equals(alone[1])) {
            throw new IllegalStateException("the product's HTML after its price depends on the base price");
        }
        return new CatalogHtml.ProductHtml(product, shown, utf8(withBase[0]), utf8(alone[0]),
                utf8(HtmlUtils.htmlEscape(shown.basePrice(), "UTF-8")), utf8(alone[1]));
    }

    private static byte[] utf8(String html) {
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
