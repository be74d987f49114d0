package io.clientele.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Common tags on every metric, so dashboards can tell services and environments apart. */
@AutoConfiguration
@ConditionalOnClass({MeterRegistry.class, MeterRegistryCustomizer.class})
public class ObservabilityAutoConfiguration {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> clienteleCommonTags(Environment environment) {
        String application = environment.getProperty("spring.application.name", "clientele");
        String deployment = environment.getProperty("clientele.deployment", "local");
        return registry -> registry.config().commonTags("application", application, "deployment", deployment);
    }
}
