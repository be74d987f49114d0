package io.clientele.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway verifies every bearer token before anything is routed or answered (signature, expiry, a
 * bounded lifetime, issuer and audience when configured): a token the system would refuse never reaches a
 * service. The services verify it again (they never trust the network) and decide roles and workspace.
 * A request without a token passes on: public routes need none, and the service answers 401 for the rest.
 * A refused token is a 401 problem document with the RFC 6750 challenge {@code error="invalid_token"}.
 */
final class BearerTokenCheck implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenCheck.class);
    private static final String BEARER = "bearer ";

    private final ReactiveJwtDecoder decoder;
    private final JsonMapper json;

    BearerTokenCheck(ReactiveJwtDecoder decoder, JsonMapper json) {
        this.decoder = decoder;
        this.json = json;
    }

    @Override
    public int getOrder() {
        // Before routing, the gateway's own endpoints and anything else that might act on the request.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return chain.filter(exchange);
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            return refuse(exchange, "The bearer token is empty");
        }
        return decoder.decode(token)
                .map(verified -> {
                    exchange.getAttributes().put(VerifiedTokens.ATTRIBUTE, verified);
                    return Optional.<String>empty();
                })
                .onErrorResume(BadJwtException.class, refused -> Mono.just(Optional.of(reason(refused))))
                .onErrorResume(JwtException.class, unverifiable -> {
                    // Not the token's fault (the key set could not be fetched, say): nothing can be verified now.
                    log.warn("Could not verify a bearer token: {}", unverifiable.getMessage());
                    return Mono.just(Optional.of("The token could not be verified"));
                })
                .flatMap(refusal -> refusal.isPresent() ? refuse(exchange, refusal.get()) : chain.filter(exchange));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String reason) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"invalid_token\", error_description=\"" + quotable(reason) + "\"");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://clientele.io/problems/unauthorized");
        problem.put("title", "Authentication required");
        problem.put("status", 401);
        problem.put("detail", "A valid bearer token is required: " + reason);
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** Spring's validation messages name the failing claims; that much the caller may read. */
    private static String reason(BadJwtException refused) {
        String message = refused.getMessage() == null ? "The token is invalid" : refused.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /** RFC 6750 allows printable ASCII except {@code "} and {@code \} in error_description. */
    private static String quotable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            char c = (char) b;
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : ' ');
        }
        return out.toString();
    }
}
