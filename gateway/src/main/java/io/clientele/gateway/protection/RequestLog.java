package io.clientele.gateway.protection;

import io.clientele.gateway.security.VerifiedTokens;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id and writes one access log line for it. A well-formed {@code X-Request-Id} from
 * the caller is kept (a front end can follow its own id through), anything else is replaced by a new one;
 * the service receives it and the caller gets it back, on every answer including the gateway's own
 * refusals. The line (logger {@code io.clientele.gateway.access}) holds method, path, status, duration,
 * request id and workspace; a public link's token in the path ({@code /q/...}, {@code /u/...}) is masked,
 * since it opens a customer's page, and the query is left out, which may hold personal data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLog implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Logger access = LoggerFactory.getLogger("io.clientele.gateway.access");
    /** What a caller's id may look like: short, and harmless in a log line and a header. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern LINK_TOKEN = Pattern.compile("^/([qu])/[^/]+");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate().request(request).build();
        return chain.filter(withId).doFinally(signal -> {
            if (access.isInfoEnabled()) {
                HttpStatusCode status = response.getStatusCode();
                access.info("{} {} {} {}ms id={} workspace={}", request.getMethod(),
                        masked(request.getPath().value()), status == null ? "-" : status.value(),
                        (System.nanoTime() - started) / 1_000_000, id,
                        VerifiedTokens.workspace(withId).orElse("-"));
            }
        });
    }

    static String masked(String path) {
        return LINK_TOKEN.matcher(path).replaceFirst("/$1/***");
    }
}
