package io.clientele.orderlink.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.orderlink.CustomerEventsFeed;
import io.clientele.orderlink.ServiceIT;
import io.clientele.testkit.http.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** O-2 end to end: customers from customer.events, modifiers set by staff, the price list the page shows. */
@ServiceIT
class CustomerPricingIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEventsFeed feed;

    @BeforeEach
    void aWorkspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        feed = new CustomerEventsFeed(bootstrap);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void eachProductIsPricedByTheMostSpecificRuleOfTheCustomer() {
        UUID customer = aKnownCustomer(5);
        Map<String, Object> tools = staff.postJson("/api/v1/categories", Map.of("name", "Tools"));
        UUID fixed = product("FIX", 100, tools.get("id"));
        UUID percent = product("PCT", 100, tools.get("id"));
        UUID inCategory = product("CAT", 99.99, tools.get("id"));
        UUID plain = product("PLN", 33.33, null);
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("fixedPrices", Map.of("CZK", 80)),
                customer, fixed).expectStatus().isOk();
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 12.5), customer, percent)
                .expectStatus().isOk();
        staff.put("/api/v1/customers/{c}/price-modifiers/categories/{k}", Map.of("percent", 10), customer,
                tools.get("id")).expectStatus().isOk();

        Map<String, Map<String, Object>> prices = prices(customer);

        assertThat(prices.get("FIX")).containsEntry("unitPrice", 80.0).containsEntry("rule", "PRODUCT_FIXED_PRICE");
        assertThat(prices.get("PCT")).containsEntry("unitPrice", 87.5).containsEntry("rule", "PRODUCT_PERCENT");
        // 99.99 × 0.9 = 89.991 -> 89.99
        assertThat(prices.get("CAT")).containsEntry("unitPrice", 89.99).containsEntry("rule", "CATEGORY_PERCENT");
        // 33.33 × 0.95 = 31.6635 -> 31.66
        assertThat(prices.get("PLN")).containsEntry("unitPrice", 31.66).containsEntry("rule", "CUSTOMER_DISCOUNT")
                .containsEntry("basePrice", 33.33).containsEntry("currency", "CZK");
        assertThat(staff.get("/api/v1/customers/{c}/price-modifiers", customer).returnResult(List.class)
                .getResponseBody()).hasSize(3);
        assertThat(plain).isNotNull();
        assertThat(inCategory).isNotNull();
    }

    @Test
    void aDiscountChangedInCustomerServiceReachesThePrices() {
        UUID customer = aKnownCustomer(0);
        product("A", 200, null);
        assertThat(prices(customer).get("A")).containsEntry("unitPrice", 200.0).containsEntry("rule", "BASE_PRICE");

        feed.created(workspace, customer, "Jana", "Nováková", "cs", "CZK", 15);

        await().atMost(Duration.ofSeconds(30)).until(() -> Double.valueOf(170.0).equals(prices(customer).get("A").get("unitPrice")));
    }

    @Test
    void badModifiersAreRefusedAndUnknownTargetsAreNotFound() {
        UUID customer = aKnownCustomer(0);
        Map<String, Object> category = staff.postJson("/api/v1/categories", Map.of("name", "C"));
        UUID productId = product("A", 10, null);

        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 101), customer, productId)
                .expectStatus().isBadRequest();
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 5,
                "fixedPrices", Map.of("CZK", 1)), customer, productId).expectStatus().isBadRequest();
        staff.put("/api/v1/customers/{c}/price-modifiers/categories/{k}", Map.of("fixedPrices", Map.of("CZK", 1)),
                customer, category.get("id")).expectStatus().isBadRequest();
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("fixedPrices", Map.of("CZK", 1.001)),
                customer, productId).expectStatus().isBadRequest();
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 5), customer, UUID.randomUUID())
                .expectStatus().isNotFound();
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 5), UUID.randomUUID(), productId)
                .expectStatus().isNotFound();
        Api.staff(port, UUID.randomUUID()).get("/api/v1/customers/{c}/prices", customer).expectStatus().isNotFound();

        assertThat(prices(customer).get("A")).containsEntry("rule", "BASE_PRICE");
    }

    @Test
    void anErasedCustomersModifiersAreForgotten() {
        UUID customer = aKnownCustomer(0);
        UUID productId = product("A", 10, null);
        staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 5), customer, productId)
                .expectStatus().isOk();

        feed.erased(workspace, customer);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/customers/{c}/price-modifiers",
                customer).expectStatus().isNotFound());
    }

    private UUID aKnownCustomer(double discount) {
        UUID customer = UUID.randomUUID();
        feed.created(workspace, customer, "Jana", "Nováková", "cs", "CZK", discount);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> staff.get("/api/v1/customers/{c}/price-modifiers",
                customer).expectStatus().isOk());
        return customer;
    }

    private UUID product(String sku, double czk, Object category) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("sku", sku, "name", "Product " + sku,
                "prices", Map.of("CZK", czk)));
        if (category != null) {
            body.put("categoryId", category);
        }
        return UUID.fromString((String) staff.postJson("/api/v1/products", body).get("id"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> prices(UUID customer) {
        List<Map<String, Object>> lines = staff.get("/api/v1/customers/{c}/prices", customer).expectStatus().isOk()
                .returnResult(List.class).getResponseBody();
        Map<String, Map<String, Object>> bySku = new java.util.HashMap<>();
        lines.forEach(line -> bySku.put((String) line.get("sku"), line));
        return bySku;
    }
}
