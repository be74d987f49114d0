package io.clientele.gateway.protection;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The rate limiter every route's {@code RequestRateLimiter} uses: Spring Cloud Gateway's Redis token
 * bucket, which lets a request through when Redis does not answer (see {@link UncheckedWhenRedisFails}).
 * That answer must come fast, so the Redis client refuses commands at once while it is disconnected
 * instead of queueing them until it reconnects, and {@code spring.data.redis.timeout} bounds a Redis that
 * is connected but slow.
 */
@Configuration(proxyBeanMethods = false)
class RedisLimits {

    @Bean
    RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis,
            @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
            ConfigurationService configuration, MeterRegistry meters) {
        return new UncheckedWhenRedisFails(redis, script, configuration, meters);
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
