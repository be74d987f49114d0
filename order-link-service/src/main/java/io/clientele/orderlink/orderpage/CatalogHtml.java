package io.clientele.orderlink.orderpage;

import io.clientele.orderlink.catalog.CatalogProduct;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.util.HtmlUtils;

/**
 * One catalog as the page shows it in one language and currency, rendered to UTF-8 except for each
 * product's price (see {@link PageCatalogs}); immutable, shared by every page that reads it.
 *
 * @param sections the categories in the language's order, the one without a name last
 * @param products every product of the sections, in the page's order (what the customer's prices are for)
 * @param formattedPrices see {@link #price}
 */
record CatalogHtml(Locale locale, String quantityLabel, List<Section> sections, List<CatalogProduct> products,
        ConcurrentMap<BigDecimal, byte[]> formattedPrices) {

    /** How many personal prices a catalog keeps formatted: a product's at each discount customers have. */
    static final int FORMATTED_PRICES = 20_000;

    CatalogHtml(Locale locale, String quantityLabel, List<Section> sections) {
        this(locale, quantityLabel, sections, sections.stream().flatMap(section -> section.products().stream())
                .map(ProductHtml::product).toList(), new ConcurrentHashMap<>());
    }

    /**
     * An amount as the page shows it (formatted in the catalog's language and currency, escaped, UTF-8).
     * Customers with the same discount see the same amounts, so they are formatted once and kept, up to
     * {@link #FORMATTED_PRICES} of them.
     *
     * @param amount at the currency's scale (as every price is), so equal amounts are equal keys
     */
    byte[] price(BigDecimal amount, NumberFormat format) {
        byte[] known = formattedPrices.get(amount);
        if (known != null) {
            return known;
        }
        byte[] html = HtmlUtils.htmlEscape(format.format(amount), "UTF-8").getBytes(StandardCharsets.UTF_8);
        if (formattedPrices.size() < FORMATTED_PRICES) {
            formattedPrices.putIfAbsent(amount, html);
        }
        return html;
    }

    /** A category: its heading and the opening of its section, its products, the section's end. */
    record Section(byte[] open, List<ProductHtml> products, byte[] close) {
    }

    /**
     * @param shown       the product as the page shows it, without a price yet (for rendering it again whole)
     * @param withBase    the HTML up to the price, with the base price struck through (a personal price)
     * @param alone       the HTML up to the price, without the base price (the customer pays the base price)
     * @param basePrice   the base price, formatted and escaped: the price of a customer who pays it
     * @param afterPrice  the rest of the product's HTML
     */
    record ProductHtml(CatalogProduct product, PageProduct shown, byte[] withBase, byte[] alone, byte[] basePrice,
            byte[] afterPrice) {
    }

    boolean empty() {
        return sections.isEmpty();
    }

    /** Room enough for a page around it: the products with struck-through prices, and the page's shell. */
    int pageBytes() {
        int bytes = 16_384;
        for (Section section : sections) {
            bytes += section.open().length + section.close().length;
            for (ProductHtml product : section.products()) {
                bytes += product.withBase().length + product.afterPrice().length + 32;
            }
        }
        return bytes;
    }

    /** About the memory it takes: its HTML, twice for the products' two beginnings, and its formatted prices. */
    int bytes() {
        int bytes = FORMATTED_PRICES * 96;
        for (Section section : sections) {
            bytes += section.open().length + section.close().length;
            for (ProductHtml product : section.products()) {
                bytes += product.withBase().length + product.alone().length + product.afterPrice().length + 256;
            }
        }
        return bytes;
    }
}
