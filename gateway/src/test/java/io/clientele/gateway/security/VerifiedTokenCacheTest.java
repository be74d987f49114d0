package io.clientele.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Real HS256 tokens and a real decoder, on a clock the test moves: the cache must never change a verdict. */
class VerifiedTokenCacheTest {

    // half past a second: exp (whole seconds) is never the exact instant the clock is moved to
    final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(500);
    final AtomicLong nanos = new AtomicLong();
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusNanos(nanos.get());
        }
    };
    final Ticker ticker = nanos::get;
    final AtomicInteger verifications = new AtomicInteger();
    final String secret = TestTokens.newSecret();
    final UUID workspace = UUID.randomUUID();

    /** The decoder the gateway builds, its expiry judged on the test's clock without leeway. */
    ReactiveJwtDecoder verifying() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(expiry);
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    VerifiedTokenCache cache(Duration verifiedFor) {
        return new VerifiedTokenCache(verifying(), 100, verifiedFor, clock, ticker);
    }

    String tokenValidFor(Duration validity) {
        return new HmacTokenMinter(secret).sign(Map.of("sub", "staff", "workspace_id", workspace.toString(),
                "roles", List.of("STAFF"), "iat", start.getEpochSecond(),
                "exp", start.plus(validity).getEpochSecond()));
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        VerifiedTokenCache tokens = cache(Duration.ofMinutes(5));
        String first = tokenValidFor(Duration.ofHours(1));
        String second = new HmacTokenMinter(secret).mint(workspace, "owner", Duration.ofHours(1), "OWNER");

        Jwt verified = tokens.decode(first).block();
        Jwt remembered = tokens.decode(first).block();
        tokens.decode(second).block();

        assertThat(remembered).isSameAs(verified);
        assertThat(remembered.getClaimAsString("workspace_id")).isEqualTo(workspace.toString());
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedFromTheSecondItExpires() {
        VerifiedTokenCache tokens = cache(Duration.ofMinutes(5));
        String token = tokenValidFor(Duration.ofSeconds(30));
        tokens.decode(token).block();

        advance(Duration.ofSeconds(29));
        assertThat(tokens.decode(token).block()).isNotNull();
        assertThat(verifications).as("still answered from memory a second before exp").hasValue(1);

        advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).as("judged by the validators again at exp").hasValue(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheLongestItIsRemembered() {
        VerifiedTokenCache tokens = cache(Duration.ofMinutes(5));
        String token = tokenValidFor(Duration.ofHours(1));
        tokens.decode(token).block();

        advance(Duration.ofMinutes(5).plusSeconds(1));
        tokens.decode(token).block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        VerifiedTokenCache tokens = cache(Duration.ofMinutes(5));
        String forged = new HmacTokenMinter(TestTokens.newSecret()).mint(workspace, "mallory", Duration.ofHours(1), "OWNER");

        assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenDifferingInOneCharacterIsNotTakenForARememberedOne() {
        VerifiedTokenCache tokens = cache(Duration.ofMinutes(5));
        String token = tokenValidFor(Duration.ofHours(1));
        tokens.decode(token).block();
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> tokens.decode(altered).block()).isInstanceOf(BadJwtException.class);
    }
}
