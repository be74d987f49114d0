package io.clientele.orderlink.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.orderlink.ServiceIT;
import io.clientele.testkit.http.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

@ServiceIT
class CatalogIT {

    @LocalServerPort
    int port;

    Api staff;

    @Test
    void aProductIsCreatedWithPricesPerCurrencyAndReadBack() {
        Map<String, Object> category = staff.postJson("/api/v1/categories", Map.of("name", "Spojovací materiál"));
        Map<String, Object> created = staff.postJson("/api/v1/products", Map.of("sku", "BOLT-M8", "name", "Bolt M8",
                "categoryId", category.get("id"), "unit", "box", "prices", Map.of("CZK", 129.5, "EUR", 5.2)));

        staff.get("/api/v1/products/{id}", created.get("id")).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.sku").isEqualTo("BOLT-M8")
                .jsonPath("$.categoryName").isEqualTo("Spojovací materiál")
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.unit").isEqualTo("box")
                .jsonPath("$.prices.CZK").isEqualTo(129.50)
                .jsonPath("$.prices.EUR").isEqualTo(5.20);
    }

    @Test
    void aSkuIsUniquePerWorkspaceWhateverItsCaseButFreeInAnother() {
        staff.postJson("/api/v1/products", Map.of("sku", "A-1", "name", "One"));

        staff.post("/api/v1/products", Map.of("sku", "a-1", "name", "Other")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/duplicate-sku");
        Api.staff(port, UUID.randomUUID()).post("/api/v1/products", Map.of("sku", "A-1", "name", "Elsewhere"))
                .expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void badProductsAreRefusedWithEveryFieldAndNothingIsWritten() {
        staff.post("/api/v1/products", Map.of("sku", "has space", "imageUrl", "http://plain.example/x.png",
                        "prices", Map.of("CZK", 10.005, "XYZ", 1, "EUR", -1)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/validation")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains((Object) "sku", "name",
                        "imageUrl", "prices.CZK", "prices.XYZ", "prices.EUR"));
        staff.post("/api/v1/products", Map.of("sku", "X", "name", "Y", "categoryId", UUID.randomUUID()))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("categoryId");

        staff.get("/api/v1/products").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aWrongJsonTypeIsABadRequestNeverCoerced() {
        staff.post("/api/v1/products", Map.of("sku", "A", "name", "B", "active", "yes")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").exists();
    }

    @Test
    void anotherWorkspacesProductIsNotFound() {
        Map<String, Object> created = staff.postJson("/api/v1/products", Map.of("sku", "A-1", "name", "One"));
        Api other = Api.staff(port, UUID.randomUUID());

        other.get("/api/v1/products/{id}", created.get("id")).expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
        other.delete("/api/v1/products/{id}", created.get("id")).expectStatus().isNotFound();
        other.put("/api/v1/products/{id}", Map.of("sku", "A-1", "name", "Mine"), created.get("id")).expectStatus().isNotFound();
        staff.get("/api/v1/products/{id}", created.get("id")).expectBody().jsonPath("$.name").isEqualTo("One");
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        Map<String, Object> created = staff.postJson("/api/v1/products", Map.of("sku", "A-1", "name", "One"));
        staff.putIfMatch("/api/v1/products/{id}", "\"0\"", Map.of("sku", "A-1", "name", "Two"), created.get("id"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");

        staff.putIfMatch("/api/v1/products/{id}", "\"0\"", Map.of("sku", "A-1", "name", "Three"), created.get("id"))
                .expectStatus().isEqualTo(412);
    }

    @Test
    void productsAreListedByNameInTheWorkspacesLanguage() {
        Api.owner(port, workspaceOf()).put("/api/v1/quick-order-settings", Map.of("defaultLanguage", "cs"))
                .expectStatus().isOk();
        for (String name : List.of("Hřebík", "Chmel", "Cibule", "Čaj")) {
            staff.postJson("/api/v1/products", Map.of("sku", "S-" + name.hashCode(), "name", name));
        }

        staff.get("/api/v1/products").expectBody().jsonPath("$[*].name")
                .isEqualTo(List.of("Cibule", "Čaj", "Hřebík", "Chmel"));
    }

    private UUID workspace;

    private UUID workspaceOf() {
        return workspace;
    }

    @BeforeEach
    void ownWorkspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
    }

    @Test
    void anImportCreatesUpdatesAndRejectsRowsEachWithItsReasonAndLine() {
        staff.postJson("/api/v1/products", Map.of("sku", "OLD-1", "name", "Old name", "description", "kept",
                "prices", Map.of("EUR", 2)));
        String csv = """
                sku;název;popis;kategorie;aktivní;price_CZK;price_EUR
                OLD-1;New name;;Šrouby;ano;50,00;
                NEW-1;Matice M8;"Pozinkovaná; balení 100 ks";Šrouby;;1 299,50;52.10
                NEW-2;;;;;10;
                NEW-3;Podložka;;;možná;abc;
                NEW-4;"Neuzavřená
                NEW-5;Vrut;;Vruty;ne;3,5;
                new-1;Dvojník;;;;;
                NEW-6;Cena;;;;10,005;
                """;

        Map<String, Object> dryRun = report(csv, true);
        assertThat(dryRun).containsEntry("created", 2).containsEntry("updated", 1).containsEntry("rejected", 5)
                .containsEntry("categoriesCreated", 2).containsEntry("rowsRead", 8);
        staff.get("/api/v1/products").expectBody().jsonPath("$.length()").isEqualTo(1);

        Map<String, Object> report = report(csv, false);
        assertThat(report).containsEntry("created", 2).containsEntry("updated", 1).containsEntry("rejected", 5);
        assertThat(rejections(report)).containsEntry(4, "name is required for a new product (SKU 'NEW-2' is not in the catalog yet)")
                .containsKeys(5, 6, 8, 9);
        assertThat(rejections(report).get(5)).contains("active").contains("price_CZK");
        assertThat(rejections(report).get(6)).contains("opened on line 6");
        assertThat(rejections(report).get(8)).contains("already on line 3");
        assertThat(rejections(report).get(9)).contains("more decimals than CZK");

        staff.get("/api/v1/products?q=OLD-1").expectBody()
                .jsonPath("$[0].name").isEqualTo("New name")
                .jsonPath("$[0].description").isEqualTo("kept")
                .jsonPath("$[0].categoryName").isEqualTo("Šrouby")
                .jsonPath("$[0].prices.CZK").isEqualTo(50.00)
                .jsonPath("$[0].prices.EUR").isEqualTo(2.00);
        staff.get("/api/v1/products?q=NEW-1").expectBody()
                .jsonPath("$[0].description").isEqualTo("Pozinkovaná; balení 100 ks")
                .jsonPath("$[0].prices.CZK").isEqualTo(1299.50);
        staff.get("/api/v1/products?q=NEW-5").expectBody().jsonPath("$[0].active").isEqualTo(false);

        assertThat(report(csv, false)).containsEntry("created", 0).containsEntry("unchanged", 3);
    }

    @Test
    void aFileWithAnUnknownColumnOrNoSkuIsRefusedWhole() {
        staff.postAs(MediaType.valueOf("text/csv"), "/api/v1/catalog/imports", "sku;colour\nA;red\n")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("('colour') is not a catalog field"));
        staff.postAs(MediaType.valueOf("text/csv"), "/api/v1/catalog/imports", "name\nA\n")
                .expectStatus().isBadRequest();
        staff.get("/api/v1/products").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> report(String csv, boolean dryRun) {
        return staff.postAs(MediaType.valueOf("text/csv"), "/api/v1/catalog/imports?dryRun=" + dryRun,
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expectStatus().isOk().returnResult(Map.class).getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, String> rejections(Map<String, Object> report) {
        Map<Integer, String> byRow = new java.util.TreeMap<>();
        for (Map<String, Object> rejection : (List<Map<String, Object>>) report.get("rejections")) {
            byRow.put((Integer) rejection.get("row"), String.join(" | ", (List<String>) rejection.get("reasons")));
        }
        return byRow;
    }
}
