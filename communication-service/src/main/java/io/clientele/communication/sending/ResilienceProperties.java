package io.clientele.communication.sending;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker and the quick retries around each provider (e-mail and SMS alike).
 *
 * @param failureRate          percentage of failed calls (of the last {@code window}) that opens the breaker
 * @param window               calls the failure rate is computed over
 * @param minimumCalls         calls before the rate counts
 * @param openFor              how long an open breaker refuses calls before letting trial calls through
 * @param halfOpenCalls        trial calls that decide whether it closes again
 * @param retryAttempts        quick tries of one call (connection failures; SMS 5xx/429/timeouts) before
 *                             the message is deferred for a later attempt
 * @param retryBackoff         pause after the first quick try; doubles
 */
@ConfigurationProperties("clientele.communication.resilience")
record ResilienceProperties(Integer failureRate, Integer window, Integer minimumCalls, Duration openFor,
        Integer halfOpenCalls, Integer retryAttempts, Duration retryBackoff) {

    ResilienceProperties {
        failureRate = failureRate == null ? 50 : failureRate;
        window = window == null ? 20 : window;
        minimumCalls = minimumCalls == null ? 5 : minimumCalls;
        openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
    }
}
