package io.clientele.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paths a service serves without a token, beyond health, metrics and API docs: the quick-order page
 * and the unsubscribe link, say. Everything else needs a verified bearer token.
 */
@ConfigurationProperties("clientele.security")
public record PublicEndpoints(List<String> publicPaths) {

    static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
            "/error");

    public PublicEndpoints {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    String[] all() {
        return java.util.stream.Stream.concat(ALWAYS_PUBLIC.stream(), publicPaths.stream()).toArray(String[]::new);
    }
}
