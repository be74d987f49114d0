package io.clientele.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenLifetimeTest {

    final Instant now = Instant.parse("2026-12-07T18:00:00Z");
    final TokenLifetime lifetime = new TokenLifetime(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aTokenWithoutExpiryIsRefused() {
        OAuth2TokenValidatorResult result = lifetime.validate(token().issuedAt(now).build());

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorCode()).isEqualTo("invalid_token");
            assertThat(error.getDescription()).contains("exp");
        });
    }

    @Test
    void aTokenIssuedForLongerThanTheMaximumIsRefused() {
        assertThat(lifetime.validate(token().issuedAt(now.minus(Duration.ofHours(1)))
                .expiresAt(now.plus(Duration.ofHours(24))).build()).hasErrors()).isTrue();
    }

    @Test
    void withoutIssueTimeTheLifetimeCountsFromNow() {
        assertThat(lifetime.validate(token().expiresAt(now.plus(Duration.ofDays(365))).build()).hasErrors()).isTrue();
        assertThat(lifetime.validate(token().expiresAt(now.plus(Duration.ofHours(23))).build()).hasErrors()).isFalse();
    }

    @Test
    void aTokenValidForExactlyTheMaximumIsAccepted() {
        assertThat(lifetime.validate(token().issuedAt(now).expiresAt(now.plus(Duration.ofHours(24))).build())
                .hasErrors()).isFalse();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "HS256").subject("ana");
    }
}
