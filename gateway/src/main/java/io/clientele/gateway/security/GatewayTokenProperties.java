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
 */
@ConfigurationProperties("clientele.security.jwt")
record GatewayTokenProperties(URI jwkSetUri, String hmacSecret, String issuer, String audience, Duration maxLifetime) {

    GatewayTokenProperties {
        maxLifetime = maxLifetime == null ? Duration.ofHours(24) : maxLifetime;
    }
}
