package io.clientele.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it expires, and not too far ahead: Spring's timestamp validator refuses expired
 * tokens but accepts one without {@code exp}, which would then be good forever, and a token minted for a
 * year is a stolen token for a year. The lifetime is {@code exp - iat}, or {@code exp - now} when the token
 * does not say when it was issued (so a token without {@code iat} cannot escape the limit).
 * The gateway checks the same rule (io.clientele.gateway.security), as it does not use this kit.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {

    private final Duration max;
    private final Clock clock;

    TokenLifetime(Duration max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return refused("The token has no expiry (exp); tokens without one are not accepted");
        }
        Instant from = token.getIssuedAt() != null ? token.getIssuedAt() : clock.instant();
        if (Duration.between(from, expiresAt).compareTo(max) > 0) {
            return refused("The token is valid for longer than the " + max + " this service accepts");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
