package io.clientele.orderlink.orderpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.orderlink.PublicPage;
import io.clientele.orderlink.QuickOrderWorld;
import io.clientele.orderlink.ServiceIT;
import io.clientele.orderlink.catalog.Catalog;
import io.clientele.orderlink.customers.CustomerDirectory;
import io.clientele.orderlink.pricing.PersonalPrice;
import io.clientele.orderlink.pricing.PriceList;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * O-4 with the cached catalog ({@link PageCatalogs}): a change to the catalog shows on the very next page,
 * whether this instance made it or another one did (written here straight into the database, as another
 * instance's transaction would be); what belongs to the customer (their prices, status, link) is never
 * cached; and a product read from the cache is the same HTML as the product rendered whole.
 */
@ServiceIT
class OrderPageCacheIT {

    private static final Currency CZK = Currency.getInstance("CZK");
    private static final Pattern ARTICLE = Pattern.compile("<article.*?</article>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("<h3>([^<]*)</h3>");
    private static final Pattern BASE = Pattern.compile("<del [^>]*>([^<]*)</del>");
    private static final Pattern PRICE = Pattern.compile("<strong>([^<]*)</strong>");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PageCatalogs catalogs;
    @Autowired
    CatalogFragments fragments;
    @Autowired
    PriceList priceList;
    @Autowired
    CustomerDirectory customers;
    @Autowired
    Catalog catalog;

    QuickOrderWorld world;
    PublicPage browser;
    UUID customer;
    UUID bolt;
    String page;

    @BeforeEach
    void aCustomerWithALink() {
        world = new QuickOrderWorld(port, bootstrap);
        browser = new PublicPage(port);
        customer = world.customer("Jana", "cs", "CZK", 0);
        bolt = world.product("BOLT", "Šroub M8", Map.of("CZK", 100));
        page = world.link(customer);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aPriceStaffChangeShowsOnTheNextPageAndAnOrderFromThatPageChargesIt() {
        assertThat(product(browser.get(page).body(), bolt)).isEqualTo("Šroub M8 | - | 100,00 Kč");

        world.staff.put("/api/v1/products/{id}", Map.of("sku", "BOLT", "name", "Šroub M8 zinek", "prices",
                Map.of("CZK", 120)), bolt).expectStatus().isOk();
        String html = browser.get(page).body();

        assertThat(product(html, bolt)).isEqualTo("Šroub M8 zinek | - | 120,00 Kč");
        String sent = browser.submit(page, Map.of("idempotencyKey", PublicPage.idempotencyKey(html), "qty_" + bolt,
                "3")).headers().firstValue("Location").orElseThrow();
        Map<String, Object> order = world.staff.json("/api/v1/orders/{id}", sent.substring(sent.lastIndexOf('/') + 1));
        assertThat(order).containsEntry("total", 360.0);
    }

    @Test
    void anEditWrittenByAnotherInstanceShowsOnTheNextPage() {
        UUID nut = world.product("NUT", "Matice M8", Map.of("CZK", 10));
        assertThat(product(browser.get(page).body(), nut)).isEqualTo("Matice M8 | - | 10,00 Kč");

        // another instance's transactions: nothing in this one hears of them but the database
        jdbc.update("UPDATE product_price SET amount = 12.5 WHERE product_id = ?", nut);
        String repriced = browser.get(page).body();
        jdbc.update("UPDATE product SET name = 'Matice M10' WHERE id = ?", nut);
        String renamed = browser.get(page).body();
        jdbc.update("UPDATE product SET active = false WHERE id = ?", bolt);
        String withdrawn = browser.get(page).body();

        assertThat(product(repriced, nut)).isEqualTo("Matice M8 | - | 12,50 Kč");
        assertThat(product(renamed, nut)).isEqualTo("Matice M10 | - | 12,50 Kč");
        assertThat(withdrawn).doesNotContain("qty_" + bolt).contains("qty_" + nut);
    }

    @Test
    void theCatalogIsBuiltOncePerVersionAndAgainAfterAnyChange() {
        UUID workspace = world.workspace;
        long before = catalog.version(workspace);
        CatalogHtml first = catalogs.of(workspace, CZK, "cs");

        CatalogHtml again = catalogs.of(workspace, CZK, "cs");
        CatalogHtml english = catalogs.of(workspace, CZK, "en");
        world.staff.post("/api/v1/categories", Map.of("name", "Nářadí")).expectStatus().isCreated();
        CatalogHtml afterChange = catalogs.of(workspace, CZK, "cs");

        assertThat(again).isSameAs(first);
        assertThat(english).isNotSameAs(first);
        assertThat(catalog.version(workspace)).isGreaterThan(before);
        assertThat(afterChange).isNotSameAs(first);
        assertThat(catalog.version(UUID.randomUUID())).isZero();
    }

    @Test
    void theCustomersOwnPricesAndStateAreNeverCached() {
        assertThat(product(browser.get(page).body(), bolt)).isEqualTo("Šroub M8 | - | 100,00 Kč");

        world.staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 10), customer, bolt)
                .expectStatus().isOk();
        String discounted = browser.get(page).body();
        world.feed().statusChanged(world.workspace, customer, "BLOCKED");
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.get(page).statusCode() == 404);
        world.feed().statusChanged(world.workspace, customer, "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.get(page).statusCode() == 200);
        world.staff.delete("/api/v1/customers/{c}/quick-order-link", customer).expectStatus().isNoContent();

        assertThat(product(discounted, bolt)).isEqualTo("Šroub M8 | 100,00 Kč | 90,00 Kč");
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void aProductFromTheCacheIsTheSameHtmlAsTheProductRenderedWhole() {
        Random random = new Random(20261207L);
        world.feed().created(world.workspace, customer, "Jana", "Nováková", "cs", "CZK", 7.5);
        await().atMost(Duration.ofSeconds(30)).until(() -> customers.find(world.workspace, customer).orElseThrow()
                .discountPercent().compareTo(new BigDecimal("7.5")) == 0);
        Map<String, Object> category = world.staff.postJson("/api/v1/categories", Map.of("name", "Ř & <spol>"));
        List<UUID> products = new ArrayList<>(List.of(bolt));
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("sku", "GEN-" + i, "name", "Výrobek \"" + i + "\" <b>&'",
                    "prices", Map.of("CZK", BigDecimal.valueOf(random.nextInt(10_000_000), 2)), "unit", "krab"));
            if (i % 2 == 0) {
                body.put("categoryId", category.get("id"));
                body.put("description", "Popis <i>" + i + "</i> & spol.");
                body.put("imageUrl", "https://img.example.com/p/" + i + ".png?a=1&b=2");
            }
            products.add(UUID.fromString((String) world.staff.postJson("/api/v1/products", body).get("id")));
        }
        world.staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("fixedPrices",
                Map.of("CZK", 100)), customer, bolt).expectStatus().isOk();
        world.staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 0), customer,
                products.get(1)).expectStatus().isOk();

        String html = browser.get(page).body();

        CatalogHtml cached = catalogs.of(world.workspace, CZK, "cs");
        Map<UUID, PersonalPrice> prices = priceList.prices(customers.find(world.workspace, customer).orElseThrow(), CZK,
                cached.products());
        Locale czech = Locale.forLanguageTag("cs");
        int personal = 0;
        for (CatalogHtml.ProductHtml product : cached.sections().stream().flatMap(s -> s.products().stream()).toList()) {
            PersonalPrice price = prices.get(product.product().id());
            personal += price.personal() ? 1 : 0;
            String whole = fragments.product(czech, product.shown().priced(OrderPages.money(czech, CZK)
                    .format(price.unitPrice()), price.personal() ? product.shown().basePrice() : null),
                    cached.quantityLabel());
            assertThat(html).contains(whole);
        }
        assertThat(cached.products()).hasSize(13);
        // the fixed price, the 0 % modifier and the customer's 7.5 % all show: some personal, some not
        assertThat(personal).isBetween(1, 12);
        assertThat(product(html, bolt)).isEqualTo("Šroub M8 | - | 100,00 Kč");
        assertThat(html).contains("Výrobek &quot;3&quot; &lt;b&gt;&amp;&#39;").doesNotContain("<b>&");
        for (Object line : world.staff.get("/api/v1/customers/{c}/prices", customer).returnResult(List.class)
                .getResponseBody()) {
            Map<?, ?> priced = (Map<?, ?>) line;
            assertThat(product(html, UUID.fromString((String) priced.get("productId"))))
                    .endsWith(OrderPages.money(czech, CZK).format(new BigDecimal(priced.get("unitPrice").toString()))
                            .replace('\u00a0', ' '));
        }
    }

    /** "name | struck-through base price or - | price" of the product on the page, spaces plain. */
    private static String product(String html, UUID product) {
        Matcher article = ARTICLE.matcher(html);
        while (article.find()) {
            String text = article.group();
            if (text.contains("name=\"qty_" + product + "\"")) {
                Matcher base = BASE.matcher(text);
                return (group(NAME, text) + " | " + (base.find() ? base.group(1) : "-") + " | " + group(PRICE, text))
                        .replace('\u00a0', ' ');
            }
        }
        throw new AssertionError("no product " + product + " on the page");
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError(pattern + " not in " + text);
        }
        return matcher.group(1);
    }
}
