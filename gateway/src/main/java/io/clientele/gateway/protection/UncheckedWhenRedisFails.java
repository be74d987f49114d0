package io.clientele.gateway.protection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Redis limiter, made visible when it fails open. When Redis cannot be asked (down,
 * unreachable, slower than {@code spring.data.redis.timeout}) the limiter lets the request through with
 * {@code X-RateLimit-Remaining: -1}: an outage of the limiter's store must not become an outage of every
 * API. This choice trades protection for availability while Redis is away, so each such request counts in
 * {@code clientele.gateway.rate_limit.unchecked} (alert on it) and a warning is logged at most once a
 * minute (logger {@code io.clientele.gateway.ratelimit}) rather than a stack trace per request.
 */
final class UncheckedWhenRedisFails extends RedisRateLimiter {

    /**
     * Not this class's name: Spring Cloud Gateway's limiter logs an error with a stack trace per request
     * under the name of its runtime class, which application.yml silences in favour of this warning.
     */
    private static final Logger log = LoggerFactory.getLogger("io.clientele.gateway.ratelimit");
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final Counter unchecked;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    UncheckedWhenRedisFails(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script,
            ConfigurationService configuration, MeterRegistry meters) {
        super(redis, script, configuration);
        this.unchecked = Counter.builder("clientele.gateway.rate_limit.unchecked")
                .description("Requests let through without a rate limit check because Redis did not answer")
                .register(meters);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return super.isAllowed(routeId, id).doOnNext(response -> {
            // the limiter's own sign that Redis gave no answer: no count of remaining tokens
            if ("-1".equals(response.getHeaders().get(getRemainingHeader()))) {
                unchecked.increment();
                long now = System.nanoTime();
                long last = lastWarning.get();
                if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                    log.warn("Redis did not answer the rate limiter: requests pass unchecked until it does "
                            + "(metric clientele.gateway.rate_limit.unchecked)");
                }
            }
        });
    }
}
