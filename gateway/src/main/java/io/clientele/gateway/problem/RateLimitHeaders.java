package io.clientele.gateway.problem;

import org.springframework.http.HttpHeaders;

/** Reads the {@code X-RateLimit-*} headers Spring Cloud Gateway's Redis limiter puts on every response. */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    /**
     * A refused caller's bucket is short of one request's tokens; they come back at the replenish rate
     * (tokens per second). Whole seconds, at least one, as {@code Retry-After} takes them.
     */
    static long secondsUntilNextToken(HttpHeaders headers) {
        long perSecond = number(headers.getFirst("X-RateLimit-Replenish-Rate"), 1);
        long requested = number(headers.getFirst("X-RateLimit-Requested-Tokens"), 1);
        return Math.max(1, (requested + perSecond - 1) / Math.max(1, perSecond));
    }

    private static long number(String header, long otherwise) {
        try {
            return header == null ? otherwise : Math.max(1, Long.parseLong(header.strip()));
        } catch (NumberFormatException unreadable) {
            return otherwise;
        }
    }
}
