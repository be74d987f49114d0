package io.clientele.orderlink.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.orderlink.PublicPage;
import io.clientele.orderlink.QuickOrderWorld;
import io.clientele.orderlink.ServiceIT;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.kafka.EventsTap;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** O-4 and O-5: ordering from the page, one order per submission, the state machine, order.events. */
@ServiceIT
class QuickOrdersIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    QuickOrderWorld world;
    PublicPage browser;
    UUID customer;
    UUID bolt;
    UUID nut;
    String page;

    @BeforeEach
    void aCustomerWithALink() {
        world = new QuickOrderWorld(port, bootstrap);
        browser = new PublicPage(port);
        customer = world.customer("Jana", "cs", "CZK", 10);
        bolt = world.product("BOLT", "Šroub M8", Map.of("CZK", 269));
        nut = world.product("NUT", "Matice M8", Map.of("CZK", 33.33));
        page = world.link(customer);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void anOrderFromThePageIsPricedOnTheServerAndShownToStaff() {
        String key = PublicPage.idempotencyKey(browser.get(page).body());

        HttpResponse<String> sent = browser.submit(page, Map.of("idempotencyKey", key, "qty_" + bolt, "3",
                "qty_" + nut, "7", "note", "Deliver to gate 2"));

        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> placed = browser.get(page.substring(0, page.lastIndexOf('/') + 1) + location);
        assertThat(placed.statusCode()).isEqualTo(200);
        // 269 × 0.9 = 242.10; 33.33 × 0.9 = 29.997 -> 30.00; 3 × 242.10 + 7 × 30.00 = 936.30
        assertThat(placed.body()).contains("Objednávka č. 1 přijata").contains("936,30");
        Map<String, Object> list = world.staff.json("/api/v1/orders");
        assertThat((List<?>) list.get("items")).hasSize(1);
        Map<String, Object> order = world.staff.json("/api/v1/orders/{id}", id(location));
        assertThat(order).containsEntry("number", 1).containsEntry("status", "NEW").containsEntry("currency", "CZK")
                .containsEntry("total", 936.30).containsEntry("note", "Deliver to gate 2")
                .containsEntry("customerName", "Jana Nováková").containsEntry("customerId", customer.toString());
        assertThat(lines(order)).extracting(line -> line.get("sku") + " " + line.get("quantity") + " × "
                + line.get("unitPrice") + " = " + line.get("lineTotal"))
                .containsExactly("NUT 7 × 30.0 = 210.0", "BOLT 3 × 242.1 = 726.3");
    }

    @Test
    void aSubmissionSentTwiceOrManyTimesAtOncePlacesOneOrder() throws Exception {
        String key = PublicPage.idempotencyKey(browser.get(page).body());
        Map<String, String> form = Map.of("idempotencyKey", key, "qty_" + bolt, "1");

        String first = browser.submit(page, form).headers().firstValue("Location").orElseThrow();
        String again = browser.submit(page, form).headers().firstValue("Location").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
        String otherKey = PublicPage.idempotencyKey(browser.get(page).body());
        for (int i = 0; i < 8; i++) {
            racing.add(CompletableFuture.supplyAsync(() -> browser.submit(page, Map.of("idempotencyKey", otherKey,
                    "qty_" + nut, "2")), pool));
        }
        List<String> raced = racing.stream().map(CompletableFuture::join)
                .map(answer -> answer.headers().firstValue("Location").orElseThrow()).distinct().toList();
        pool.shutdown();

        assertThat(again).isEqualTo(first);
        assertThat(raced).hasSize(1);
        assertThat((List<?>) world.staff.json("/api/v1/orders").get("items")).hasSize(2);
    }

    @Test
    void aBadFormComesBackWithTheReasonsInTheCustomersLanguageAndOrdersNothing() {
        String key = PublicPage.idempotencyKey(browser.get(page).body());

        HttpResponse<String> badQuantity = browser.submit(page, Map.of("idempotencyKey", key, "qty_" + bolt, "-2",
                "qty_" + nut, "abc"));
        HttpResponse<String> empty = browser.submit(page, Map.of("idempotencyKey", key, "qty_" + bolt, "0"));
        HttpResponse<String> unknown = browser.submit(page, Map.of("idempotencyKey", key,
                "qty_" + UUID.randomUUID(), "1"));
        HttpResponse<String> noKey = browser.submit(page, Map.of("qty_" + bolt, "1"));

        assertThat(badQuantity.statusCode()).isEqualTo(400);
        assertThat(badQuantity.body()).contains("Zadejte celé číslo od 0 do 10000").contains("value=\"abc\"");
        assertThat(empty.body()).contains("Košík je prázdný");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Zkontrolujte prosím označená pole");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat((List<?>) world.staff.json("/api/v1/orders").get("items")).isEmpty();
    }

    @Test
    void ordersMoveOnlyAlongTheStateMachine() {
        UUID order = place(Map.of(bolt, 1));

        move(order, "CONFIRMED").expectStatus().isOk();
        move(order, "NEW").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/order-transition-not-allowed")
                .jsonPath("$.allowed").isEqualTo(List.of("IN_PRODUCTION", "CANCELLED"));
        move(order, "IN_PRODUCTION").expectStatus().isOk();
        move(order, "SHIPPED").expectStatus().isOk();
        move(order, "CANCELLED").expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("SHIPPED is final"));
        move(order, "LOST").expectStatus().isBadRequest();

        Map<String, Object> shipped = world.staff.json("/api/v1/orders/{id}", order);
        assertThat(shipped).containsEntry("status", "SHIPPED").containsEntry("version", 3);
        assertThat((List<?>) shipped.get("history")).hasSize(4);
        UUID cancelled = place(Map.of(nut, 1));
        move(cancelled, "CANCELLED").expectStatus().isOk();
        Api other = Api.staff(port, UUID.randomUUID());
        other.get("/api/v1/orders/{id}", order).expectStatus().isNotFound();
        other.post("/api/v1/orders/{id}/status", Map.of("status", "CANCELLED"), cancelled).expectStatus().isNotFound();
        assertThat((List<?>) other.json("/api/v1/orders").get("items")).isEmpty();
    }

    @Test
    void aStaleIfMatchIsRefused() {
        UUID order = place(Map.of(bolt, 1));
        move(order, "CONFIRMED").expectStatus().isOk();

        world.staff.with(org.springframework.http.HttpMethod.POST, "/api/v1/orders/{id}/status", order)
                .header("If-Match", "\"0\"").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("status", "CANCELLED")).exchange().expectStatus().isEqualTo(412);
    }

    @Test
    void eachOrderAndStatusChangeIsPublishedAsItsContractSaysWithOneConfirmationRequest() {
        try (EventsTap tap = new EventsTap(bootstrap, "order.events", "communication.commands")) {
            String key = PublicPage.idempotencyKey(browser.get(page).body());
            Map<String, String> form = Map.of("idempotencyKey", key, "qty_" + bolt, "2");
            String location = browser.submit(page, form).headers().firstValue("Location").orElseThrow();
            browser.submit(page, form);
            UUID order = id(location);
            move(order, "CONFIRMED").expectStatus().isOk();

            await().atMost(Duration.ofSeconds(30)).until(() -> tap.ofType(world.workspace, "order.status-changed.v1").size() == 1);
            List<String> events = tap.of(world.workspace);
            assertThat(events).allSatisfy(event -> assertThat(EventContracts.violations(event)).isEmpty());
            JsonNode placed = tap.ofType(world.workspace, "order.placed.v1").getFirst();
            assertThat(tap.ofType(world.workspace, "order.placed.v1")).hasSize(1);
            assertThat(placed.path("subject").asString()).isEqualTo(customer.toString());
            assertThat(placed.path("data").path("total").asString()).isEqualTo("484.20");
            assertThat(placed.path("data").path("lines").get(0).path("unitPrice").asString()).isEqualTo("242.10");
            JsonNode moved = tap.ofType(world.workspace, "order.status-changed.v1").getFirst();
            assertThat(moved.path("data").path("from").asString()).isEqualTo("NEW");
            assertThat(moved.path("data").path("to").asString()).isEqualTo("CONFIRMED");
            List<JsonNode> confirmations = tap.ofType(world.workspace, "communication.send-requested.v1");
            assertThat(confirmations).hasSize(1);
            assertThat(confirmations.getFirst().path("data").path("requestId").asString())
                    .isEqualTo("order-confirmation:" + order);
            assertThat(confirmations.getFirst().path("data").path("purpose").asString()).isEqualTo("ORDER_CONFIRMATION");
            assertThat(confirmations.getFirst().path("data").path("category").asString()).isEqualTo("TRANSACTIONAL");
        }
    }

    @Test
    void generatedCartsAreChargedExactlyWhatThePriceListShows() {
        Random random = new Random(20261207L);
        List<UUID> products = new ArrayList<>(List.of(bolt, nut));
        for (int i = 0; i < 8; i++) {
            BigDecimal price = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
            products.add(world.product("GEN-" + i, "Generated " + i, Map.of("CZK", price)));
        }
        world.staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent",
                BigDecimal.valueOf(random.nextInt(10_000), 2)), customer, products.get(2)).expectStatus().isOk();
        world.staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("fixedPrices",
                Map.of("CZK", BigDecimal.valueOf(random.nextInt(100_000), 2))), customer, products.get(3)).expectStatus().isOk();
        Map<String, Double> unitPrices = new HashMap<>();
        for (Object line : world.staff.get("/api/v1/customers/{c}/prices", customer).returnResult(List.class)
                .getResponseBody()) {
            Map<?, ?> priced = (Map<?, ?>) line;
            unitPrices.put((String) priced.get("productId"), ((Number) priced.get("unitPrice")).doubleValue());
        }

        for (int cart = 0; cart < 15; cart++) {
            Map<UUID, Integer> quantities = new LinkedHashMap<>();
            for (UUID product : products) {
                if (random.nextBoolean()) {
                    quantities.put(product, 1 + random.nextInt(500));
                }
            }
            if (quantities.isEmpty()) {
                continue;
            }
            Map<String, Object> order = world.staff.json("/api/v1/orders/{id}", place(quantities));
            BigDecimal expected = BigDecimal.ZERO;
            for (Map<String, Object> line : lines(order)) {
                BigDecimal unit = new BigDecimal(line.get("unitPrice").toString());
                assertThat(unit.doubleValue()).isEqualTo(unitPrices.get((String) line.get("productId")));
                assertThat(new BigDecimal(line.get("lineTotal").toString()))
                        .isEqualByComparingTo(unit.multiply(BigDecimal.valueOf((Integer) line.get("quantity"))));
                expected = expected.add(new BigDecimal(line.get("lineTotal").toString()));
            }
            assertThat(new BigDecimal(order.get("total").toString())).isEqualByComparingTo(expected);
        }
    }

    @Test
    void theCustomersOpenOrdersAreThoseNeitherShippedNorCancelled() {
        UUID shipped = place(Map.of(bolt, 1));
        UUID cancelled = place(Map.of(nut, 1));
        UUID confirmed = place(Map.of(bolt, 2));
        UUID fresh = place(Map.of(nut, 2));
        for (String status : List.of("CONFIRMED", "IN_PRODUCTION", "SHIPPED")) {
            move(shipped, status).expectStatus().isOk();
        }
        move(cancelled, "CANCELLED").expectStatus().isOk();
        move(confirmed, "CONFIRMED").expectStatus().isOk();

        assertThat(ids(world.staff.json("/api/v1/customers/{id}/orders?open=true", customer)))
                .containsExactlyInAnyOrder(fresh.toString(), confirmed.toString());
        assertThat(ids(world.staff.json("/api/v1/customers/{id}/orders", customer))).hasSize(4);
        world.staff.get("/api/v1/customers/{id}/orders?open=maybe", customer).expectStatus().isBadRequest();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(order -> order.get("id")).toList();
    }

    private UUID place(Map<UUID, Integer> quantities) {
        Map<String, String> form = new HashMap<>();
        form.put("idempotencyKey", PublicPage.idempotencyKey(browser.get(page).body()));
        quantities.forEach((product, quantity) -> form.put("qty_" + product, quantity.toString()));
        HttpResponse<String> sent = browser.submit(page, form);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        return id(sent.headers().firstValue("Location").orElseThrow());
    }

    private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec move(UUID order, String status) {
        return world.staff.post("/api/v1/orders/{id}/status", Map.of("status", status), order);
    }

    private static UUID id(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("lines");
    }
}
