package io.clientele.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How services verify bearer tokens. Exactly one key source is used: a JWK set URI (production, an
 * identity provider signs with rotating asymmetric keys) or a shared HMAC secret (local runs and tests).
 *
 * @param jwkSetUri      where the identity provider publishes its signing keys
 * @param hmacSecret     shared HS256 secret of at least 32 bytes; never committed, comes from the environment
 * @param issuer         when set, tokens must carry this {@code iss}
 * @param audience       when set, tokens must list this {@code aud}
 * @param workspaceClaim the claim holding the workspace id (a UUID)
 * @param rolesClaim     the claim holding the list of role names
 * @param verifiedCache  how many verified tokens are remembered (0: none), each until its own expiry and
 *                       for at most {@code verifiedFor}, so a client's next request with the same token
 *                       skips parsing and verifying it again
 * @param verifiedFor    the longest a verified token is remembered: a key withdrawn from the JWK set stops
 *                       being honoured for tokens already seen within this time
 * @param maxLifetime    the longest a token may be valid ({@code exp - iat}, or {@code exp - now} without
 *                       {@code iat}); a token without {@code exp} is always refused
 */
@ConfigurationProperties("clientele.security.jwt")
public record TokenProperties(
        URI jwkSetUri,
        String hmacSecret,
        String issuer,
        String audience,
        String workspaceClaim,
        String rolesClaim,
        Integer verifiedCache,
        Duration verifiedFor,
        Duration maxLifetime) {

    public TokenProperties {
        verifiedCache = verifiedCache == null ? 10_000 : verifiedCache;
        verifiedFor = verifiedFor == null ? Duration.ofMinutes(5) : verifiedFor;
        maxLifetime = maxLifetime == null ? Duration.ofHours(24) : maxLifetime;
        workspaceClaim = workspaceClaim == null || workspaceClaim.isBlank() ? "workspace_id" : workspaceClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }
}
