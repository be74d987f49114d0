package io.clientele.communication.sending;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A Resilience4j circuit breaker and retry per provider ("email", "sms"), wired from the core modules
 * (the Spring Boot 3 starter does not target Boot 4) and published as metrics
 * ({@code resilience4j_circuitbreaker_state}, {@code resilience4j_retry_calls}).
 */
@Component
class ProviderResilience {

    static final String EMAIL = "email";
    static final String SMS = "sms";
    private static final Logger log = LoggerFactory.getLogger(ProviderResilience.class);

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final ResilienceProperties properties;
    private final Clock clock;

    ProviderResilience(ResilienceProperties properties, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.halfOpenCalls())
                // Only failures of the provider count (see the callers), not a recipient it refused.
                .recordExceptions(ProviderUnavailable.class)
                .build());
        this.retries = RetryRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        for (String provider : new String[] {EMAIL, SMS}) {
            breakers.circuitBreaker(provider).getEventPublisher().onStateTransition(event ->
                    log.warn("Circuit breaker of the {} provider: {}", provider, event.getStateTransition()));
        }
    }

    CircuitBreaker breaker(String provider) {
        return breakers.circuitBreaker(provider);
    }

    /** Quick retries of one call, for the failures {@code retryable} accepts, with growing pauses. */
    Retry retry(String provider, Predicate<Throwable> retryable) {
        return retries.retry(provider, RetryConfig.custom()
                .maxAttempts(properties.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.retryBackoff(), 2.0))
                .retryOnException(retryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    /** When an open breaker lets trial calls through again. */
    Instant reopensAt(String provider) {
        return clock.instant().plus(properties.openFor());
    }

    /** The provider did not answer as a working provider does: it counts towards opening the breaker. */
    static final class ProviderUnavailable extends Exception {
        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
