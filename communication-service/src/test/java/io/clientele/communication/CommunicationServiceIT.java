package io.clientele.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.clientele.testkit.spring.UseMongo;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseMongo
@UseTestTokens
class CommunicationServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    MongoClient mongoClient;

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
    void readinessIncludesMongoAndMongoIsUp() {
        // Through the endpoint bean: over HTTP the platform hides components from anonymous callers.
        var readiness = health.healthForPath("readiness");

        assertThat(readiness).isInstanceOfSatisfying(CompositeHealthDescriptor.class, group -> {
            assertThat(group.getComponents()).containsOnlyKeys("readinessState", "mongo");
            assertThat(group.getComponents().get("mongo").getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void documentsAreStoredInTheCommunicationDatabase() {
        String probe = UUID.randomUUID().toString();

        mongoTemplate.insert(new Document("probe", probe), "startup_probe");

        var stored = mongoClient.getDatabase("communication").getCollection("startup_probe");
        try {
            assertThat(stored.find(Filters.eq("probe", probe)).first()).isNotNull();
        } finally {
            stored.drop();
        }
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithAnUnauthorizedProblem() {
        client.get().uri("/api/v1/preferences").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    void aValidTokenGetsPastSecurityToTheApplication() {
        // Nothing lives at this path yet: a 404 problem shows the token was accepted, not refused.
        client.get().uri("/api/v1/preferences")
                .header("Authorization", "Bearer " + TestTokens.staff(UUID.randomUUID()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
    }

    @Test
    void theApiDocumentIsPublicAndNamesTheService() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Clientele communication-service");
    }
}
