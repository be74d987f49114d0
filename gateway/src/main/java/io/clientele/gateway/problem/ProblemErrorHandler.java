package io.clientele.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.clientele.gateway.protection.BreakerProperties;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself answers (no route, a method or media type it cannot take, a service it
 * cannot reach or that breaks off, a failure of its own) is a problem document, as the services' are; Spring Boot's default
 * handler would answer its own JSON shape. Ahead of that handler (order -1). A service that cannot be reached,
 * whose circuit breaker is open, that breaks off or answers too late is named (the route's {@code service}
 * metadata), and a 503 says when to try again ({@code Retry-After}: the breaker's wait).
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    /** A route's metadata entry naming the service behind it, for the caller and the logs. */
    static final String SERVICE_METADATA = "service";

    private final JsonMapper json;
    private final Duration retryAfterUnavailable;

    ProblemErrorHandler(JsonMapper json, BreakerProperties breaker) {
        this.json = json;
        this.retryAfterUnavailable = breaker.waitInOpen();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemDetail problem = problem(exchange, error);
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (error instanceof ErrorResponse answer) {
            answer.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    response.getHeaders().put(name, values);
                }
            });
        }
        if (problem.getStatus() == 503) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, retryAfterUnavailable.toSeconds())));
        }
        byte[] body = json.writeValueAsBytes(GatewayProblems.asMap(problem));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private ProblemDetail problem(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
            String detail = answer.getBody().getDetail();
            return GatewayProblems.of(answer.getStatusCode(), detail != null ? detail : "The request was refused");
        }
        String service = service(exchange);
        if (error instanceof ServiceUnavailableException) {
            // its circuit breaker is open: the service was not called
            return GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable; try again after "
                    + Math.max(1, retryAfterUnavailable.toSeconds()) + " s");
        }
        if (causedBy(error, ConnectException.class)) {
            return GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is unavailable (it cannot be reached); try again shortly");
        }
        if (causedBy(error, IOException.class)) {
            // the service broke off the connection (reset, closed before answering): its failure, not ours
            log.warn("{} broke off {} {}: {}", service, exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    error.toString());
            return GatewayProblems.of(HttpStatus.BAD_GATEWAY,
                    service + " broke off the connection; try again shortly");
        }
        if (causedBy(error, TimeoutException.class)
                || error instanceof ErrorResponse answer && answer.getStatusCode().value() == 504) {
            return GatewayProblems.of(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time");
        }
        if (error instanceof ErrorResponse answer && answer.getStatusCode().value() != 500) {
            return GatewayProblems.of(answer.getStatusCode(), "The request could not be served now");
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure {} on {} {}", incident, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        ProblemDetail problem = GatewayProblems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; quote incident " + incident + " when reporting it");
        problem.setProperty("incident", incident);
        return problem;
    }

    /** The service behind the matched route, by its metadata; a general name where no route matched. */
    private static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object service = route == null ? null : route.getMetadata().get(SERVICE_METADATA);
        return service == null ? "The service that answers this request" : service.toString();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
