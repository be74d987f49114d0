package io.clientele.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.ScriptSource;

class RateLimitScriptTest {

    final AtomicInteger lookedAt = new AtomicInteger();

    /** Like a script in a jar: every call asks whether the file changed (Spring Cloud Gateway's own script). */
    final ScriptSource fromAFile = new ScriptSource() {
        @Override
        public String getScriptAsString() {
            lookedAt.incrementAndGet();
            return "return {1, 2}";
        }

        @Override
        public boolean isModified() {
            lookedAt.incrementAndGet();
            return false;
        }

        @Override
        public String suggestedClassName() {
            return null;
        }
    };

    @Test
    void theLimitersScriptIsReadOnceAndRunByTheSameHash() {
        DefaultRedisScript<List> original = new DefaultRedisScript<>();
        original.setScriptSource(fromAFile);
        original.setResultType(List.class);
        @SuppressWarnings({"unchecked", "rawtypes"})
        RedisScript<List<Long>> gateways = (RedisScript) original;
        String sha1 = original.getSha1();

        RedisScript<List<Long>> read = RedisLimits.readOnce(gateways);
        int afterReading = lookedAt.get();
        for (int i = 0; i < 1_000; i++) {
            assertThat(read.getSha1()).isEqualTo(sha1);
        }

        assertThat(read.getScriptAsString()).isEqualTo("return {1, 2}");
        assertThat(read.getResultType()).isEqualTo(List.class);
        assertThat(lookedAt).as("the file is not asked again per request").hasValue(afterReading);
    }
}
