package io.clientele.orderlink.orderpage;

import io.clientele.orderlink.catalog.CatalogProduct;
import java.util.List;
import java.util.Locale;

/**
 * One catalog as the page shows it in one language and currency, rendered to UTF-8 except for each
 * product's price (see {@link PageCatalogs}); immutable, shared by every page that reads it.
 *
 * @param sections the categories in the language's order, the one without a name last
 * @param products every product of the sections, in the page's order (what the customer's prices are for)
 */
record CatalogHtml(Locale locale, String quantityLabel, List<Section> sections, List<CatalogProduct> products) {

    CatalogHtml(Locale locale, String quantityLabel, List<Section> sections) {
        this(locale, quantityLabel, sections, sections.stream().flatMap(section -> section.products().stream())
                .map(ProductHtml::product).toList());
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

    /** About the memory it takes: its HTML, twice for the products' two beginnings. */
    int bytes() {
        int bytes = 0;
        for (Section section : sections) {
            bytes += section.open().length + section.close().length;
            for (ProductHtml product : section.products()) {
                bytes += product.withBase().length + product.alone().length + product.afterPrice().length + 256;
            }
        }
        return bytes;
    }
}
