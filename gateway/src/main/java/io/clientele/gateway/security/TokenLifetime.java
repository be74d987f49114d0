package io.clientele.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A token must say when it expires, and not too far ahead (Spring's timestamp validator accepts a token
 * without {@code exp}, good forever). The services apply the same rule (service-kit's TokenLifetime); the
 * gateway does not use the servlet kit, hence this copy of a few lines.
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
            return refused("The token is valid for longer than the " + max + " this system accepts");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
