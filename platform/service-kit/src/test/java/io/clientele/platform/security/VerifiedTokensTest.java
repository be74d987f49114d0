package io.clientele.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    final Instant start = Instant.parse("2026-12-01T10:00:00Z");
    final AtomicLong nanos = new AtomicLong();
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(nanos.get());
        }
    };
    final Ticker ticker = nanos::get;
    final AtomicInteger verifications = new AtomicInteger();

    JwtDecoder verifying(Duration validFor) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token).header("alg", "HS256").subject("staff")
                    .issuedAt(start).expiresAt(start.plus(validFor)).build();
        };
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(verifying(Duration.ofHours(1)), 100, Duration.ofMinutes(5), clock, ticker);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheLongestItIsRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifying(Duration.ofHours(1)), 100, Duration.ofMinutes(5), clock, ticker);
        tokens.decode("token-a");

        advance(Duration.ofMinutes(5).plusSeconds(1));
        tokens.decode("token-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsNeverHonouredFromMemoryPastItsOwnExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(verifying(Duration.ofSeconds(30)), 100, Duration.ofMinutes(5), clock, ticker);
        tokens.decode("token-a");

        advance(Duration.ofSeconds(31));
        tokens.decode("token-a");

        assertThat(verifications).as("verified again, so its expiry is judged by the validators").hasValue(2);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifying(Duration.ofHours(1)), 100, Duration.ofMinutes(5), clock, ticker);

        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }
}
