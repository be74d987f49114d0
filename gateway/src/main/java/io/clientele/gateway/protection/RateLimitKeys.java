package io.clientele.gateway.protection;

import io.clientele.gateway.security.VerifiedTokens;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whom a rate limit counts (the {@code key-resolver} of each route's {@code RequestRateLimiter} in
 * application.yml). Spring Cloud Gateway's Redis limiter keeps one bucket per route and key. Nothing a
 * Redis key holds identifies a person: the public link's token and the client address are hashed, so
 * neither the raw token (which opens a customer's order page) nor an IP address is ever stored.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitKeys {

    /**
     * Staff API and partner intake: the workspace of the verified token. A request without one counts
     * against its client address, so that it cannot bypass the limit by leaving the token out (the
     * service answers it 401).
     */
    @Bean
    @Primary
    KeyResolver workspaceKey() {
        return exchange -> Mono.just(VerifiedTokens.workspace(exchange)
                .map(workspace -> "workspace:" + workspace)
                .orElseGet(() -> "client:" + hashed(clientAddress(exchange))));
    }

    /** The public quick-order page {@code /q/{token}/...}: each link counts on its own, by its token's hash. */
    @Bean
    KeyResolver publicLinkKey() {
        return exchange -> {
            String token = linkToken(exchange.getRequest().getPath().value());
            return Mono.just(token.isEmpty() ? "client:" + hashed(clientAddress(exchange)) : "link:" + hashed(token));
        };
    }

    /** Unsubscribe links: per client address, which is what a crawler running through links has in common. */
    @Bean
    KeyResolver clientAddressKey() {
        return exchange -> Mono.just("client:" + hashed(clientAddress(exchange)));
    }

    /** The first path segment after {@code /q/}, still encoded; empty when there is none. */
    static String linkToken(String path) {
        if (!path.startsWith("/q/")) {
            return "";
        }
        int end = path.indexOf('/', 3);
        return end < 0 ? path.substring(3) : path.substring(3, end);
    }

    /**
     * The address the connection came from. Behind a load balancer that is the balancer's, unless the
     * gateway is told to trust forwarded headers ({@code server.forward-headers-strategy}); see README.
     */
    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    static String hashed(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            // 128 bits tell links apart as well as 256 and keep the keys short
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
