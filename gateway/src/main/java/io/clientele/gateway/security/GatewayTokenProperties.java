package io.clientele.gateway.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The same settings the services verify tokens with ({@code clientele.security.jwt.*}, service-kit's
 * TokenProperties), so one configuration serves the gateway and every service. Exactly one key source:
 * a JWK set URI (production) or a shared HMAC secret (local runs and tests).
 *
 * @param maxLifetime the longest a token may be valid ({@code exp - iat}, or {@code exp - now} without {@code iat})
 * @param verifiedCache how many verified tokens are remembered (0: none), each until its own expiry and for at
 *                      most {@code verifiedFor} ({@link VerifiedTokenCache})
 * @param verifiedFor the longest a verified token is remembered: a key withdrawn from the JWK set stops being
 *                    honoured for tokens already seen within this time
 */
@ConfigurationProperties("clientele.security.jwt")
record GatewayTokenProperties(URI jwkSetUri, String hmacSecret, String issuer, String audience, Duration maxLifetime,
        Integer verifiedCache, Duration verifiedFor) {

    GatewayTokenProperties {
        maxLifetime = maxLifetime == null ? Duration.ofHours(24) : maxLifetime;
        verifiedCache = verifiedCache == null ? 10_000 : verifiedCache;
        verifiedFor = verifiedFor == null ? Duration.ofMinutes(5) : verifiedFor;
    }
}
