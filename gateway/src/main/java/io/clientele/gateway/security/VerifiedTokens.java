package io.clientele.gateway.security;

import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway learnt from the token it verified, for the filters after it (rate limits per workspace,
 * the access log). Only a token {@link BearerTokenCheck} accepted is here: nothing is read from an
 * unverified one.
 */
public final class VerifiedTokens {

    static final String ATTRIBUTE = VerifiedTokens.class.getName() + ".token";
    /** The claim the services read the caller's workspace from (service-kit's token rules). */
    static final String WORKSPACE_CLAIM = "workspace_id";

    private VerifiedTokens() {
    }

    /** The workspace of the request's verified token; empty without a token or when it names none. */
    public static Optional<String> workspace(ServerWebExchange exchange) {
        Jwt token = exchange.getAttribute(ATTRIBUTE);
        if (token == null) {
            return Optional.empty();
        }
        String workspace = token.getClaimAsString(WORKSPACE_CLAIM);
        return workspace == null || workspace.isBlank() ? Optional.empty() : Optional.of(workspace);
    }
}
