package io.clientele.gateway.protection;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-origin calls from the configured front ends only ({@code clientele.gateway.cors.allowed-origins});
 * none by default, when no browser page of another origin may call the API. A preflight is answered here,
 * before the token check, since a browser sends it without the token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrossOrigin.CorsProperties.class)
class CrossOrigin {

    @ConfigurationProperties("clientele.gateway.cors")
    record CorsProperties(List<String> allowedOrigins, Duration maxAge) {

        CorsProperties {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
        }
    }

    /** Without configured origins no CORS handling at all: a same-origin request is never refused as one. */
    @Bean
    FrontEndOrigins corsForTheFrontEnds(CorsProperties cors) {
        return new FrontEndOrigins(cors.allowedOrigins().isEmpty() ? null : corsFilter(cors));
    }

    /** Ahead of the token check (a preflight carries no token), after the problem bodies for its 403. */
    record FrontEndOrigins(WebFilter cors) implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return cors == null ? chain.filter(exchange) : cors.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 4;
        }
    }

    private static CorsWebFilter corsFilter(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "If-Match", "If-None-Match", "Idempotency-Key", RequestLog.HEADER));
        configuration.setExposedHeaders(List.of("Location", "ETag", "Retry-After", RequestLog.HEADER,
                "X-RateLimit-Remaining"));
        // bearer tokens, no cookies: nothing for the browser to send along
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return new CorsWebFilter(source);
    }
}
