package io.clientele.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed verification, so that a client's next request with the same token (a front
 * end sends one token for many requests) is not parsed, its signature checked and its claims converted and
 * validated again: on every proxied request that was a measurable share of the gateway's CPU. The services
 * keep the same kind of memory (service-kit's VerifiedTokens).
 *
 * <p>Keyed by the token's SHA-256 (a short key of fixed size, however long a token a caller sends). A token
 * is answered from memory only while the clock is before its {@code exp}; from that second on it goes to
 * the decoder again, whose validators judge it exactly as they judge a token never seen. An entry is kept at
 * most until its token's expiry and never longer than {@code verifiedFor} (a key withdrawn from the JWK set
 * stops being honoured for tokens seen within that time). A token that fails is never remembered.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(ReactiveJwtDecoder delegate, int size, Duration verifiedFor, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        long longest = verifiedFor.toNanos();
        this.verified = Caffeine.newBuilder().maximumSize(size).ticker(ticker).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
                // the validators refuse a token without exp, so every remembered one has it
                Instant expiresAt = jwt.getExpiresAt();
                return expiresAt == null ? 0
                        : Math.max(0, Math.min(longest, Duration.between(clock.instant(), expiresAt).toNanos()));
            }

            @Override
            public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(key, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = digest(token);
        Jwt known = verified.getIfPresent(key);
        if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.put(key, jwt));
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
