package io.clientele.gateway.protection;

import io.clientele.gateway.security.VerifiedTokens;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        String id = offered != null && WELL_FORMED.matcher(offered).matches() ? offered : newId();
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

    /**
     * A random (version 4) UUID from the thread's own generator: a request id must tell requests apart, not be
     * unguessable, and {@link UUID#randomUUID()} takes a lock and reads the system's entropy for every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static String masked(String path) {
        // most paths are no link: no matcher for them
        if (path.length() < 3 || path.charAt(2) != '/' || path.charAt(1) != 'q' && path.charAt(1) != 'u') {
            return path;
        }
        return LINK_TOKEN.matcher(path).replaceFirst("/$1/***");
    }
}
