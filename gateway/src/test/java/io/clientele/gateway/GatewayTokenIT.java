package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13, items 2 and 3 at the gateway: a token the system would refuse (no exp, too long a lifetime,
 * expired, signed with another key) is answered 401 with an RFC 6750 challenge and never routed.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTokenIT {

    static final RecordingUpstream customerService = RecordingUpstream.answering(200, "{\"answeredBy\":\"customer-service\"}");

    @DynamicPropertySource
    static void routeToTheStandIn(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
    }

    @AfterAll
    static void stopTheStandIn() {
        customerService.close();
    }

    @LocalServerPort
    int port;

    WebTestClient client;
    final UUID workspace = UUID.randomUUID();

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        customerService.forget();
    }

    @Test
    void aValidTokenIsRoutedWithTheTokenIntact() throws InterruptedException {
        String token = TestTokens.staff(workspace);
        client.get().uri("/api/v1/customers").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk();
        assertThat(customerService.next().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void aTokenWithoutExpiryIs401AndNotRouted() {
        String token = signedByHand(Map.of("sub", "ana", "workspace_id", workspace.toString(), "roles", List.of("STAFF"),
                "iat", Instant.now().getEpochSecond()));
        refused(token, "exp");
    }

    @Test
    void aTokenValidForLongerThanTheMaximumIs401AndNotRouted() {
        refused(new HmacTokenMinter(TestTokens.secret()).mint(workspace, "ana", Duration.ofDays(365), "STAFF"), "longer");
    }

    @Test
    void anExpiredTokenIs401AndNotRouted() {
        refused(TestTokens.signed(Map.of("sub", "ana", "workspace_id", workspace.toString(), "roles", List.of("STAFF"),
                "iat", Instant.now().minus(Duration.ofHours(3)).getEpochSecond(),
                "exp", Instant.now().minus(Duration.ofHours(2)).getEpochSecond())), "expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401AndNotRouted() {
        refused(new HmacTokenMinter(TestTokens.newSecret()).mint(workspace, "mallory", Duration.ofHours(1), "OWNER"), null);
    }

    @Test
    void aRequestWithoutATokenIsLeftToTheService() throws InterruptedException {
        client.get().uri("/api/v1/customers").exchange().expectStatus().isOk();
        assertThat(customerService.next().authorization()).isNull();
    }

    private void refused(String token, String reasonMentions) {
        client.get().uri("/api/v1/customers").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("WWW-Authenticate", challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(String.class, detail -> {
                    if (reasonMentions != null) {
                        assertThat(detail).containsIgnoringCase(reasonMentions);
                    }
                });
        assertThat(customerService.pending()).isEmpty();
    }

    /** The test kit's minters always set exp; a token without one is made here, by hand. */
    private static String signedByHand(Map<String, Object> claims) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
            jwt.sign(new MACSigner(TestTokens.secret().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }
}
