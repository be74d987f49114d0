package io.clientele.orderlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UsePostgres;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
@UseTestTokens
class OrderLinkServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

    @Autowired
    JdbcTemplate jdbc;

    RestTestClient client;

    @BeforeEach
    void connect() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void healthLivenessAndReadinessAnswerUpWithoutAToken() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void readinessIncludesTheDatabaseAndItIsUp() {
        // Through the endpoint bean: over HTTP the platform hides components from anonymous callers.
        var readiness = health.healthForPath("readiness");

        assertThat(readiness).isInstanceOfSatisfying(CompositeHealthDescriptor.class, group -> {
            assertThat(group.getComponents()).containsOnlyKeys("readinessState", "db");
            assertThat(group.getComponents().get("db").getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void thePlatformOutboxAndInboxAreMigratedOnStart() {
        assertThat(tableNamed("platform.outbox_event")).isEqualTo("platform.outbox_event");
        assertThat(tableNamed("platform.inbox_event")).isEqualTo("platform.inbox_event");
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithAnUnauthorizedProblem() {
        client.get().uri("/api/v1/products").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    void aValidTokenGetsPastSecurityToTheApplication() {
        // Nothing lives at this path yet: a 404 problem shows the token was accepted, not refused.
        client.get().uri("/api/v1/products")
                .header("Authorization", "Bearer " + TestTokens.staff(UUID.randomUUID()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
    }

    @Test
    void theApiDocumentIsPublicAndNamesTheService() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Clientele order-link-service");
    }

    /** The table's qualified name, or null when it does not exist. */
    private String tableNamed(String qualifiedName) {
        return jdbc.queryForObject("SELECT to_regclass(?)::text", String.class, qualifiedName);
    }
}
