package io.clientele.platform.security;

import java.net.URI;
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
 */
@ConfigurationProperties("clientele.security.jwt")
public record TokenProperties(
        URI jwkSetUri,
        String hmacSecret,
        String issuer,
        String audience,
        String workspaceClaim,
        String rolesClaim) {

    public TokenProperties {
        workspaceClaim = workspaceClaim == null || workspaceClaim.isBlank() ? "workspace_id" : workspaceClaim;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }
}
