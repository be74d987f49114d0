package io.clientele.orderlink.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.orderlink.PublicPage;
import io.clientele.orderlink.QuickOrderWorld;
import io.clientele.orderlink.ServiceIT;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.privacy.PersonalColumns;
import io.clientele.testkit.privacy.MarkerScan;
import io.clientele.testkit.privacy.SchemaColumns;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * C-5 and C-12 in order-link-service, held to each other column by column through {@link PersonalData}:
 * every column of the schema is classified; a customer whose every personal free-text column holds a
 * marker of this run; the export shows every marker the database holds; after {@code customer.erased.v1}
 * no column of any table holds any of them, while the order stays, without the person.
 * <p>
 * The outbox relay is stopped meanwhile, so the customer's order events are still waiting when the erasure
 * arrives: they carry the same data and must go too.
 */
@ServiceIT
class PersonalDataIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRelay relay;

    /** Lower-case letters only, so every field accepts them unchanged. */
    final String run = "zq" + letters(8);
    final Pattern markers = Pattern.compile(run + "[a-z]*");

    QuickOrderWorld world;
    MarkerScan scan;

    @BeforeEach
    void holdEveryEventInTheOutbox() {
        relay.stop();
        world = new QuickOrderWorld(port, bootstrap);
        scan = new MarkerScan(jdbc, markers, List.of(run), "public", "platform");
    }

    @AfterEach
    void relayAgain() {
        relay.start();
        world.close();
    }

    @Test
    void everyColumnOfEveryTableIsClassifiedAsPersonalOrNotInOnePlace() {
        SchemaColumns.assertClassified(jdbc, PersonalData.qualifiedNames(), 60);
    }

    @Test
    void theExportShowsEveryPersonalValueAndTheErasureLeavesNoneAnywhere() {
        UUID customer = world.customer(marker("first"), "cs", "CZK", 10);
        UUID bolt = world.product("BOLT-" + UUID.randomUUID(), "Šroub M8", Map.of("CZK", 269));
        world.staff.put("/api/v1/customers/{c}/price-modifiers/products/{p}", Map.of("percent", 12.5), customer, bolt)
                .expectStatus().isOk();
        String page = world.link(customer);
        PublicPage browser = new PublicPage(port);
        HttpResponse<String> sent = browser.submit(page, Map.of("idempotencyKey",
                PublicPage.idempotencyKey(browser.get(page).body()), "qty_" + bolt, "2", "note", marker("note")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        String location = sent.headers().firstValue("Location").orElseThrow();
        UUID order = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        world.staff.post("/api/v1/orders/{id}/status", Map.of("status", "CANCELLED", "reason", marker("reason")), order)
                .expectStatus().isOk();

        Map<String, Set<String>> stored = scan.markersIn(PersonalData.personalFreeText().stream()
                .map(PersonalColumns.Column::qualifiedName).toList());
        assertThat(PersonalData.personalFreeText().stream().map(PersonalColumns.Column::qualifiedName)
                .filter(column -> !stored.containsKey(column)))
                .as("personal free-text columns this test did not fill: make it fill them").isEmpty();
        String export = world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Set<String> everyMarker = new LinkedHashSet<>();
        stored.values().forEach(everyMarker::addAll);
        assertThat(everyMarker).hasSizeGreaterThanOrEqualTo(3);
        assertThat(everyMarker).as("values the database holds about the customer that the export leaves out")
                .allSatisfy(marker -> assertThat(export).contains(marker));
        assertThat(export).contains("\"personalPrices\"", "\"quickOrderLinks\"", "\"percent\":12.5")
                .doesNotContain(page.substring("/q/".length()));

        world.feed().erased(world.workspace, customer);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM customer WHERE workspace_id = ? AND id = ? AND erased_at IS NOT NULL",
                Integer.class, world.workspace, customer) == 1);

        assertThat(scan.columnsHoldingAMarker()).as("columns still holding the erased customer's data").isEmpty();
        assertThat(jdbc.queryForList("SELECT status FROM customer_order WHERE id = ? AND note IS NULL", String.class,
                order)).as("the order stays, for the business's accounts").containsExactly("CANCELLED");
        assertThat(count("quick_order_link", customer)).isZero();
        assertThat(count("price_modifier", customer)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event WHERE message_key = ?",
                Integer.class, customer.toString())).isZero();
        assertThat(browser.get(page).statusCode()).isEqualTo(404);
        String after = world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(after).contains("\"status\":\"ERASED\"", "\"quickOrderLinks\":[]", "\"personalPrices\":[]")
                .doesNotContain(run);
    }

    private int count(String table, UUID customer) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE workspace_id = ? AND customer_id = ?",
                Integer.class, world.workspace, customer);
    }

    private String marker(String field) {
        return run + field;
    }

    private static String letters(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
