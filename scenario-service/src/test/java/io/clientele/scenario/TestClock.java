package io.clientele.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: the real time, moved on by whatever the tests skipped. It keeps ticking, as time
 * does (a timer due "now" becomes due a moment later), and a test jumps it forward instead of waiting.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> skipped = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration duration) {
        skipped.updateAndGet(total -> total.plus(duration));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(skipped.get()).truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
