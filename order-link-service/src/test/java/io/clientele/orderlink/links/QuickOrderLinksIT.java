package io.clientele.orderlink.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.orderlink.PublicPage;
import io.clientele.orderlink.QuickOrderWorld;
import io.clientele.orderlink.ServiceIT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** O-3 and the public page's door (O-4): tokens, their hashes at rest, revoke, regenerate, expiry, the one 404. */
@ServiceIT
class QuickOrderLinksIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;

    QuickOrderWorld world;
    PublicPage browser;
    UUID customer;

    @BeforeEach
    void aCustomerWithACatalog() {
        world = new QuickOrderWorld(port, bootstrap);
        browser = new PublicPage(port);
        customer = world.customer("Jana", "cs", "CZK", 10);
        world.product("BOLT", "Šroub M8", Map.of("CZK", 100));
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aLinkCarries256RandomBitsShownOnceAndOpensThePersonalPage() {
        Map<String, Object> link = world.staff.postJson("/api/v1/customers/{c}/quick-order-link", Map.of(), customer);

        String token = (String) link.get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat((String) link.get("url")).endsWith("/q/" + token);
        assertThat(world.staff.json("/api/v1/customers/{c}/quick-order-link", customer)).doesNotContainKey("token")
                .doesNotContainKey("url").containsEntry("state", "ACTIVE");

        HttpResponse<String> page = browser.get("/q/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"cs\"").contains("Šroub M8").contains("Ceny pro Jana Nováková")
                .contains("90,00").contains("<del");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.headers().firstValue("X-Robots-Tag").orElseThrow()).contains("noindex");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void twoLinksNeverShareAToken() {
        UUID other = world.customer("Eva", "en", "EUR", 0);
        assertThat(world.link(customer)).isNotEqualTo(world.link(other));
    }

    @Test
    void noTableHoldsTheTokenOnlyItsSha256() throws Exception {
        Map<String, Object> link = world.staff.postJson("/api/v1/customers/{c}/quick-order-link", Map.of(), customer);
        String token = (String) link.get("token");
        browser.get("/q/" + token);

        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_schema, table_name, column_name FROM information_schema.columns
                 WHERE table_schema IN ('public', 'platform')
                   AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')""");
        assertThat(columns).hasSizeGreaterThan(20);
        String tokenHex = HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8));
        for (Map<String, Object> column : columns) {
            String sql = "SELECT count(*) FROM \"%s\".\"%s\" WHERE strpos(\"%s\"::text, ?) > 0 OR strpos(\"%s\"::text, ?) > 0"
                    .formatted(column.get("table_schema"), column.get("table_name"), column.get("column_name"),
                            column.get("column_name"));
            assertThat(jdbc.queryForObject(sql, Integer.class, token, tokenHex)).as(column.toString()).isZero();
        }
        byte[] stored = jdbc.queryForObject("SELECT token_hash FROM quick_order_link WHERE id = ?", byte[].class,
                UUID.fromString((String) link.get("id")));
        assertThat(stored).isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void regeneratingKillsTheOldLinkAtOnceAndRevokingKillsTheNewOne() {
        String first = world.link(customer);
        world.staff.post("/api/v1/customers/{c}/quick-order-link", Map.of(), customer).expectStatus().isEqualTo(409);

        Map<String, Object> second = world.staff.postJson("/api/v1/customers/{c}/quick-order-link/regenerate", Map.of(),
                customer);

        assertThat(browser.get(first).statusCode()).isEqualTo(404);
        assertThat(browser.get("/q/" + second.get("token")).statusCode()).isEqualTo(200);
        world.staff.delete("/api/v1/customers/{c}/quick-order-link", customer).expectStatus().isNoContent();
        assertThat(browser.get("/q/" + second.get("token")).statusCode()).isEqualTo(404);
        world.staff.get("/api/v1/customers/{c}/quick-order-link", customer).expectStatus().isNotFound();
        world.staff.delete("/api/v1/customers/{c}/quick-order-link", customer).expectStatus().isNotFound();
    }

    @Test
    void aLinkStopsWorkingWhenItExpires() {
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        Map<String, Object> link = world.staff.postJson("/api/v1/customers/{c}/quick-order-link",
                Map.of("expiresAt", inAnHour.toString()), customer);
        assertThat(browser.get("/q/" + link.get("token")).statusCode()).isEqualTo(200);

        // time passes: the expiry is now behind us
        jdbc.update("UPDATE quick_order_link SET expires_at = now() - interval '1 second' WHERE id = ?",
                UUID.fromString((String) link.get("id")));

        assertThat(browser.get("/q/" + link.get("token")).statusCode()).isEqualTo(404);
        assertThat(world.staff.json("/api/v1/customers/{c}/quick-order-link", customer)).containsEntry("state", "EXPIRED");
        world.staff.post("/api/v1/customers/{c}/quick-order-link", Map.of("expiresAt", "2020-01-01T00:00:00Z"), customer)
                .expectStatus().isBadRequest();
    }

    @Test
    void unknownRevokedExpiredAndBlockedLinksAnswerTheSameNotFoundPage() {
        String revoked = world.link(customer);
        world.staff.delete("/api/v1/customers/{c}/quick-order-link", customer).expectStatus().isNoContent();
        String expired = world.link(customer);
        jdbc.update("UPDATE quick_order_link SET expires_at = now() - interval '1 second' WHERE customer_id = ?"
                + " AND revoked_at IS NULL", customer);
        UUID blockedCustomer = world.customer("Petr", "cs", "CZK", 0);
        String blocked = world.link(blockedCustomer);
        world.feed().statusChanged(world.workspace, blockedCustomer, "BLOCKED");
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.get(blocked).statusCode() == 404);

        HttpResponse<String> unknown = browser.get("/q/" + "A".repeat(43));
        for (String path : List.of(revoked, expired, blocked, "/q/short", "/q/" + "%20".repeat(3), revoked + "/orders/x",
                "/q/" + "A".repeat(43) + "/orders/" + UUID.randomUUID())) {
            HttpResponse<String> answer = browser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).isEqualTo(unknown.body());
            assertThat(answer.headers().map().keySet()).as(path).containsAll(List.of("content-security-policy",
                    "referrer-policy", "x-robots-tag"));
        }
        assertThat(unknown.body()).contains("Tento odkaz neplatí").contains("This link does not work");
    }

    @Test
    void linksOfAnotherWorkspacesCustomerCannotBeMade() {
        QuickOrderWorld other = new QuickOrderWorld(port, bootstrap);
        try {
            other.staff.post("/api/v1/customers/{c}/quick-order-link", Map.of(), customer).expectStatus().isNotFound();
            other.staff.delete("/api/v1/customers/{c}/quick-order-link", customer).expectStatus().isNotFound();
        } finally {
            other.close();
        }
    }

    @Test
    void anErasedCustomersLinkDies() {
        String link = world.link(customer);
        world.feed().erased(world.workspace, customer);

        await().atMost(Duration.ofSeconds(30)).until(() -> browser.get(link).statusCode() == 404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM quick_order_link WHERE customer_id = ? AND revoked_at IS NULL",
                Integer.class, customer)).isZero();
    }
}
