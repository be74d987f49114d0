package io.clientele.gateway.protection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * One circuit breaker per service ({@code clientele.gateway.breaker.*}), the same settings for each.
 *
 * @param failureRateThreshold percent of failed calls (connection refused or broken off, timed out) in the
 *                             window that opens the breaker
 * @param slidingWindowSize the last calls the rate is taken over
 * @param minimumCalls calls before a rate counts at all, so that two unlucky calls do not open it
 * @param waitInOpen how long an open breaker answers 503 without calling the service; also the 503's
 *                   {@code Retry-After}
 * @param callsInHalfOpen trial calls let through after the wait; all must succeed for it to close again
 */
@ConfigurationProperties("clientele.gateway.breaker")
public record BreakerProperties(int failureRateThreshold, int slidingWindowSize, int minimumCalls,
        Duration waitInOpen, int callsInHalfOpen) {

    public BreakerProperties {
        failureRateThreshold = failureRateThreshold == 0 ? 50 : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == 0 ? 20 : slidingWindowSize;
        minimumCalls = minimumCalls == 0 ? 10 : minimumCalls;
        waitInOpen = waitInOpen == null ? Duration.ofSeconds(10) : waitInOpen;
        callsInHalfOpen = callsInHalfOpen == 0 ? 3 : callsInHalfOpen;
    }
}
