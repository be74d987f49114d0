package io.clientele.orderlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.http.Api;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 13, item 9: a write whose Accept it cannot answer in (XML) is 406 before anything is written. */
@ServiceIT
class NotAcceptableWritesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;

    QuickOrderWorld world;

    @BeforeEach
    void world() {
        world = new QuickOrderWorld(port, bootstrap);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void everyWriteAskedToAnswerInXmlIs406AndWritesNothing() {
        UUID customer = world.customer("Jana", "cs", "CZK", 0);

        refused(world.staff, HttpMethod.POST, "/api/v1/categories", Map.of("name", "Bolts"));
        refused(world.staff, HttpMethod.POST, "/api/v1/products", Map.of("sku", "BOLT-M8", "name", "Bolt M8",
                "prices", Map.of("CZK", 10)));
        refused(world.owner, HttpMethod.PUT, "/api/v1/quick-order-settings", Map.of("defaultLanguage", "cs"));
        refused(world.staff, HttpMethod.POST, "/api/v1/customers/{c}/quick-order-link", Map.of(), customer);

        for (String table : new String[] {"category", "product", "workspace_branding", "quick_order_link"}) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE workspace_id = ?", Long.class,
                    world.workspace)).as(table).isZero();
        }
    }

    private static void refused(Api api, HttpMethod method, String uri, Object body, Object... variables) {
        api.with(method, uri, variables).accept(MediaType.APPLICATION_XML).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-acceptable");
    }
}
