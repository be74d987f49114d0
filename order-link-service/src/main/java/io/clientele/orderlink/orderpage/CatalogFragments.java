package io.clientele.orderlink.orderpage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the fragments of {@code templates/orderpage/catalog.html}: a category's section and a product. The
 * cached catalog ({@link PageCatalogs}) and a product rendered again for one customer come from the same
 * fragment, so they cannot drift apart.
 */
@Component
class CatalogFragments {

    /**
     * Stands for what is filled in later (a price, the products of a category, the catalog in the page): random
     * per process, so no product name, note or other text anyone could type can contain it.
     */
    static final String SLOT = "slot-" + UUID.randomUUID().toString().replace("-", "");

    private final TemplateEngine templates;

    CatalogFragments(TemplateEngine templates) {
        this.templates = templates;
    }

    /** @param name the category's name, or null for the products without one */
    String category(Locale locale, String name, String productsHtml) {
        Map<String, Object> model = new HashMap<>();
        model.put("categoryName", name);
        model.put("products", productsHtml);
        return templates.process("orderpage/catalog", Set.of("category"), new Context(locale, model));
    }

    String product(Locale locale, PageProduct product, String quantityLabel) {
        return templates.process("orderpage/catalog", Set.of("product"), new Context(locale,
                Map.of("product", product, "quantityLabel", quantityLabel)));
    }

    /** The HTML before and after the one {@link #SLOT} in it. */
    static String[] split(String html) {
        int at = html.indexOf(SLOT);
        if (at < 0 || html.indexOf(SLOT, at + SLOT.length()) >= 0) {
            throw new IllegalStateException("the rendered HTML does not hold exactly one slot");
        }
        return new String[] {html.substring(0, at), html.substring(at + SLOT.length())};
    }
}
