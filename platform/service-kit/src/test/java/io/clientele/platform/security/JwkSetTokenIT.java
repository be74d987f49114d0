package io.clientele.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.clientele.platform.kit.KitTestApplication;
import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UsePostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The production set-up: tokens signed by an identity provider with RSA keys, verified against the
 * JWK set it publishes (served here by a real HTTP server), with issuer and audience required.
 */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
class JwkSetTokenIT {

    static final String ISSUER = "https://login.example.com";
    static final RSAKey KEY = generate("signing-key");
    static final HttpServer IDENTITY_PROVIDER = serve(new JWKSet(KEY.toPublicJWK()).toString());

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("clientele.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDENTITY_PROVIDER.getAddress().getPort() + "/jwks");
        registry.add("clientele.security.jwt.issuer", () -> ISSUER);
        registry.add("clientele.security.jwt.audience", () -> "clientele");
    }

    @AfterAll
    static void stop() {
        IDENTITY_PROVIDER.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenSignedWithThePublishedKeyIsAccepted() {
        UUID workspace = UUID.randomUUID();
        client().get().uri("/demo/me").header("Authorization", "Bearer " + token(KEY, ISSUER, "clientele", workspace))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.workspaceId").isEqualTo(workspace.toString());
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyIsRefused() {
        client().get().uri("/demo/me")
                .header("Authorization", "Bearer " + token(generate("signing-key"), ISSUER, "clientele", UUID.randomUUID()))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceIsRefused() {
        client().get().uri("/demo/me")
                .header("Authorization", "Bearer " + token(KEY, "https://evil.example.com", "clientele", UUID.randomUUID()))
                .exchange()
                .expectStatus().isUnauthorized();
        client().get().uri("/demo/me")
                .header("Authorization", "Bearer " + token(KEY, ISSUER, "another-app", UUID.randomUUID()))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private RestTestClient client() {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    private static String token(RSAKey key, String issuer, String audience, UUID workspace) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("ana")
                            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                            .claim("workspace_id", workspace.toString()).claim("roles", List.of("STAFF")).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static HttpServer serve(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
