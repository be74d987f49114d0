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
    void noTokenIs401ProblemWithABearerChallenge() {
        client.get().uri("/demo/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    void aRefusedTokenIs401WithAnInvalidTokenChallenge() {
        String forged = new HmacTokenMinter(TestTokens.newSecret())
                .mint(UUID.randomUUID(), "mallory", Duration.ofHours(1), "OWNER");
        client.get().uri("/demo/me").header("Authorization", "Bearer " + forged).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer").contains("error=\"invalid_token\""))
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");
    }

    @Test
    void aTokenWithoutExpiryIs401() {
        String token = signedWithoutExpiry(Map.of("sub", "ana", "roles", List.of("STAFF"),
                "workspace_id", UUID.randomUUID().toString(), "iat", Instant.now().getEpochSecond()));
        client.get().uri("/demo/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .contains("error=\"invalid_token\""));
    }

    @Test
    void aTokenValidForLongerThanTheMaximumIs401() {
        // The kit's default maximum is 24 hours.
        String token = new HmacTokenMinter(TestTokens.secret())
                .mint(UUID.randomUUID(), "ana", Duration.ofDays(30), "STAFF");
        client.get().uri("/demo/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized();
        String withoutIssueTime = TestTokens.signed(Map.of("sub", "ana", "roles", List.of("STAFF"),
                "workspace_id", UUID.randomUUID().toString(), "exp", Instant.now().plus(Duration.ofDays(30)).getEpochSecond()));
        client.get().uri("/demo/me").header("Authorization", "Bearer " + withoutIssueTime).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void errorAskedForDirectlyWithoutATokenIsA404Problem() {
        client.get().uri("/error").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
        client.post().uri("/error").exchange()
                .expectStatus().isNotFound();
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

    /** The test kit's minters always set exp; a token without one is made here, by hand. */
    private static String signedWithoutExpiry(Map<String, Object> claims) {
        try {
            com.nimbusds.jwt.JWTClaimsSet.Builder builder = new com.nimbusds.jwt.JWTClaimsSet.Builder();
            claims.forEach(builder::claim);
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), builder.build());
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(TestTokens.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException failure) {
            throw new IllegalStateException(failure);
        }
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
