package io.clientele.gateway.protection;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The breakers behind each route's {@code CircuitBreaker} filter, named after the service. A breaker counts
 * what the gateway experiences as the service's failure: a connection refused or broken off and a response
 * later than the route's {@code response-timeout}. A service that answers, even 5xx, is answering: its own
 * problem document reaches the caller. While open, the gateway answers 503 naming the service with
 * {@code Retry-After} ({@code ProblemErrorHandler}) and the service gets no calls. Resilience4j's own time
 * limiter is off ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): the per-route
 * timeouts decide, as 504s. The filters have no {@code fallbackUri}: with one, Spring Cloud Gateway keeps
 * every request body of the route in memory to forward it again (up to an import file's 520 MB), while the
 * error it raises without one ({@code ServiceUnavailableException}) already reaches the problem handler,
 * which knows the route and so the service to name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BreakerProperties.class)
class ServiceBreakers {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> oneBreakerPerService(BreakerProperties breaker) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(breaker.callsInHalfOpen())
                .build();
        return factory -> factory.configureDefault(service -> new Resilience4JConfigBuilder(service)
                .circuitBreakerConfig(config).build());
    }
}
