package io.clientele.gateway.protection;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser-facing security headers on every answer, the gateway's own refusals included (Spring Cloud
 * Gateway's {@code SecureHeaders} filter covers only routed answers). A header a service set itself wins:
 * the quick-order page keeps its own policy. No {@code Content-Security-Policy} is added here: a page's
 * policy belongs to the service that knows what the page loads, and JSON needs none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

    private static final Map<String, String> HEADERS = Map.of(
            // browsers honour it only over HTTPS, where the gateway is on the internet (TLS ends in front of it)
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            HEADERS.forEach((name, value) -> {
                if (!headers.containsHeader(name)) {
                    headers.set(name, value);
                }
            });
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
