package io.clientele.testkit.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.tokens.TestTokens;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What every servlet service promises operators and callers, checked the same way everywhere: a
 * service's integration test implements this interface and inherits the tests.
 */
public interface ServiceConventions {

    /** The port the service under test listens on. */
    int port();

    /** Its {@code spring.application.name}. */
    String serviceName();

    /** A path of its API that needs a token; it may not exist yet (then it answers 404 with a token). */
    String securedPath();

    /** The health contributors its readiness group must hold, e.g. readinessState and db. */
    Set<String> readinessComponents();

    /** The service's health endpoint bean (over HTTP, components are hidden from anonymous callers). */
    HealthEndpoint healthEndpoint();

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port()).build();
    }

    @Test
    default void healthLivenessAndReadinessAnswerUpWithoutAToken() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            client().get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    default void readinessHoldsTheServiceStoreAndItIsUp() {
        assertThat(healthEndpoint().healthForPath("readiness")).isInstanceOfSatisfying(CompositeHealthDescriptor.class,
                group -> {
                    assertThat(group.getComponents()).containsOnlyKeys(readinessComponents().toArray(String[]::new));
                    group.getComponents().values().forEach(component ->
                            assertThat(component.getStatus()).isEqualTo(Status.UP));
                });
    }

    @Test
    default void aRequestWithoutATokenIsRefusedWithAnUnauthorizedProblem() {
        client().get().uri(securedPath()).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    default void aRefusedTokenIsAnUnauthorizedProblemWithAnInvalidTokenChallenge() {
        client().get().uri(securedPath()).header("Authorization", "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    @Test
    default void errorAskedForDirectlyAndAnonymouslyIsANotFoundProblemNeverA500() {
        client().get().uri("/error").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    default void aValidTokenGetsPastSecurity() {
        client().get().uri(securedPath())
                .header("Authorization", "Bearer " + TestTokens.staff(UUID.randomUUID()))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isNotIn(401, 403));
    }

    @Test
    default void theApiDocumentIsPublicAndNamesTheService() {
        client().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Clientele " + serviceName());
    }

    @Test
    default void metricsArePublicAndTaggedWithTheService() {
        client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("application=\"" + serviceName() + "\""));
    }
}
