package io.clientele.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class BearerChallengeTest {

    @Test
    void withoutATokenTheChallengeNamesTheSchemeOnly() {
        assertThat(BearerChallenge.of(new InsufficientAuthenticationException("no token"))).isEqualTo("Bearer");
    }

    @Test
    void aRefusedTokenIsAnInvalidTokenWithItsDescription() {
        assertThat(BearerChallenge.of(new InvalidBearerTokenException("Jwt expired at 2026-12-07T18:00:00Z")))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"Jwt expired at 2026-12-07T18:00:00Z\"");
    }
}
