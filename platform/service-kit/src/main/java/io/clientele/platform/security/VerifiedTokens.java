package io.clientele.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed verification, so that the next request with the same token (a front end
 * sends one token for many requests) is not parsed, its signature checked and its claims validated
 * again (a profile of the customer list put verification at about an eighth of a request's CPU; the
 * search benchmark's run-to-run spread on 2 shared cores is larger than that). A token is remembered at most
 * until its own expiry and never longer than {@code verifiedFor}; a token that fails verification is
 * never remembered. Failing tokens throw as before.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder delegate, int size, Duration verifiedFor, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        long longest = verifiedFor.toNanos();
        this.verified = Caffeine.newBuilder().maximumSize(size).ticker(ticker).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Instant expiresAt = jwt.getExpiresAt();
                if (expiresAt == null) {
                    return longest;
                }
                return Math.max(0, Math.min(longest, Duration.between(clock.instant(), expiresAt).toNanos()));
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && (known.getExpiresAt() == null || clock.instant().isBefore(known.getExpiresAt()))) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
