package io.clientele.platform.security;

import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.web.servlet.client.RestTestClient;

@KitIntegrationTest
class TokenVerificationIT {

    @LocalServerPort
    int port;

    RestTestClient client;

    @Autowired
    SecurityObservationSettings observationSettings;

    @BeforeEach
    void connect() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theActorComesFromTheToken() {
        UUID workspace = UUID.randomUUID();
        client.get().uri("/demo/me").header("Authorization", "Bearer " + TestTokens.mint(workspace, "ana", "STAFF", "OWNER"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.workspaceId").isEqualTo(workspace.toString())
                .jsonPath("$.subject").isEqualTo("ana")
                .jsonPath("$.roles.length()").isEqualTo(2);
    }

    @Test
    void noTokenIs401Problem() {
        client.get().uri("/demo/me").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() {
        String forged = new HmacTokenMinter(TestTokens.newSecret())
                .mint(UUID.randomUUID(), "mallory", Duration.ofHours(1), "OWNER");
        client.get().uri("/demo/me").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenWithoutWorkspaceIs401() {
        String token = TestTokens.signed(Map.of("sub", "ana", "roles", List.of("STAFF"),
                "exp", Instant.now().plusSeconds(600).getEpochSecond()));
        client.get().uri("/demo/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenWithoutAKnownRoleIs401() {
        String token = TestTokens.signed(Map.of("sub", "ana", "roles", List.of("ADMIN"),
                "workspace_id", UUID.randomUUID().toString(), "exp", Instant.now().plusSeconds(600).getEpochSecond()));
        client.get().uri("/demo/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredTokenIs401() {
        String token = TestTokens.signed(Map.of("sub", "ana", "roles", List.of("STAFF"),
                "workspace_id", UUID.randomUUID().toString(), "exp", Instant.now().minusSeconds(3600).getEpochSecond()));
        client.get().uri("/demo/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aRoleCheckFailureIs403Problem() {
        client.get().uri("/demo/owners-only").header("Authorization", "Bearer " + TestTokens.staff(UUID.randomUUID()))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/forbidden");
        client.get().uri("/demo/owners-only").header("Authorization", "Bearer " + TestTokens.owner(UUID.randomUUID()))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void springSecurityObservesNothingWhileItsObservationsAreSwitchedOff() {
        // The kit switches them off (management.observations.enable.spring.security=false); these
        // settings also keep the filter chain from being wrapped, filter by filter, on every request.
        assertThat(observationSettings.shouldObserveRequests()).isFalse();
        assertThat(observationSettings.shouldObserveAuthentications()).isFalse();
        assertThat(observationSettings.shouldObserveAuthorizations()).isFalse();
    }
}
