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
        return new UncheckedWhenRedisFails(redis, readOnce(script), configuration, meters);
    }

    /**
     * Spring Cloud Gateway reads its Lua script from the classpath through a {@code ResourceScriptSource}, which
     * asks the jar for the file's last-modified time on every call to see whether to hash it again: per request,
     * a few per cent of the gateway's CPU in a profile. The script in a jar never changes while it runs, so its
     * text is read once here; Spring Data Redis still runs it by SHA-1 (EVALSHA) and loads it when Redis lacks it.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static RedisScript<List<Long>> readOnce(RedisScript<List<Long>> script) {
        return (RedisScript) RedisScript.of(script.getScriptAsString(), List.class);
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
