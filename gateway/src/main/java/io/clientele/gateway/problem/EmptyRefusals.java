package io.clientele.gateway.problem;

import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a problem document to the refusals that filters answer with a bare status and no body: Spring
 * Cloud Gateway's {@code RequestRateLimiter} (429, which also gets the {@code Retry-After} the limiter does
 * not send) and {@code RequestSize} (413), Spring's CORS check (403). They end the response with
 * {@code setComplete()}; a service's answer is written instead, so it passes untouched, whatever its status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class EmptyRefusals implements WebFilter {

    /** Spring Cloud Gateway's {@code RequestSize} puts its reason in this response header. */
    private static final String REQUEST_SIZE_REASON = "errorMessage";

    private final JsonMapper json;

    EmptyRefusals(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean head = HttpMethod.HEAD.equals(exchange.getRequest().getMethod());
        ServerHttpResponse withBodies = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (isCommitted() || status == null || !status.isError()) {
                    return super.setComplete();
                }
                ProblemDetail problem = problem(status, getHeaders());
                getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                if (head) {
                    return super.setComplete();
                }
                byte[] body = json.writeValueAsBytes(GatewayProblems.asMap(problem));
                getHeaders().setContentLength(body.length);
                return writeWith(Mono.just(bufferFactory().wrap(body)));
            }
        };
        return chain.filter(exchange.mutate().response(withBodies).build());
    }

    private static ProblemDetail problem(HttpStatusCode status, HttpHeaders headers) {
        return switch (status.value()) {
            case 429 -> {
                long retryAfter = RateLimitHeaders.secondsUntilNextToken(headers);
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                yield GatewayProblems.of(status, "Too many requests for this caller; try again in " + retryAfter
                        + (retryAfter == 1 ? " second" : " seconds"));
            }
            case 413 -> {
                String reason = Optional.ofNullable(headers.getFirst(REQUEST_SIZE_REASON))
                        .orElse("The request body is larger than this route accepts");
                headers.remove(REQUEST_SIZE_REASON);
                yield GatewayProblems.of(status, reason);
            }
            case 403 -> GatewayProblems.of(status, "The request was refused (for a browser: its origin is not"
                    + " allowed to call this API)");
            default -> GatewayProblems.of(status, status == HttpStatus.NOT_FOUND ? "Nothing is found at this path"
                    : "The request was refused");
        };
    }
}
