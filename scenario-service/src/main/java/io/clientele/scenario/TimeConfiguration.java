package io.clientele.scenario;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service, the timers included, so tests can move time instead of waiting for it. It
 * ticks in microseconds, PostgreSQL's precision, so a timestamp reads back exactly as it was written.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
