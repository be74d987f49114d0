package io.clientele.platform.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The {@code WWW-Authenticate} value of a 401 (RFC 6750, section 3): {@code Bearer} alone when no token
 * came, {@code Bearer error="invalid_token", error_description="..."} when one came and was refused.
 * Spring's own bearer entry point also names a protected-resource metadata document
 * ({@code resource_metadata}, RFC 9728) that these services do not publish; a challenge must not send
 * clients to a URL that does not exist.
 */
final class BearerChallenge {

    private BearerChallenge() {
    }

    static String of(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException refused)) {
            return "Bearer";
        }
        OAuth2Error error = refused.getError();
        StringBuilder challenge = new StringBuilder("Bearer error=\"").append(quotable(error.getErrorCode())).append('"');
        if (error.getDescription() != null && !error.getDescription().isBlank()) {
            challenge.append(", error_description=\"").append(quotable(error.getDescription())).append('"');
        }
        return challenge.toString();
    }

    /** RFC 6750 allows printable ASCII except {@code "} and {@code \} inside the quoted values. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? (char) c : ' '));
        return out.toString();
    }
}
