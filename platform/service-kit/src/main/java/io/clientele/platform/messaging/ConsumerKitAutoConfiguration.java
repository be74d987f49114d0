package io.clientele.platform.messaging;

import io.clientele.platform.observability.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka consumer kit every service reads its topics with: the acknowledged text producer, dead
 * letters, the batch consumer builder and the error handler that retries a failed batch until it applies.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(ProducerFactory.class)
public class ConsumerKitAutoConfiguration {

    /** Longest pause between two attempts at a batch that fails because a store or Kafka is unavailable. */
    static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(30);

    /**
     * Text in, text out for what a service writes to Kafka itself (dead letters, an HTTP intake), whatever
     * serializers Spring Cloud Stream configures for its bindings; acknowledged by every in-sync replica.
     */
    @Bean
    @ConditionalOnMissingBean
    AcknowledgedProducer acknowledgedProducer(ProducerFactory<?, ?> producers) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "acknowledged-producer");
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer());
        factory.setPhysicalCloseTimeout(1);
        return new AcknowledgedProducer(new KafkaTemplate<>(factory), Duration.ofSeconds(15));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(AcknowledgedProducer producer, Environment environment,
            ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(producer, environment.getProperty("spring.application.name", "unknown"),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    BatchConsumers batchConsumers(DeadLetters deadLetters, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<EventTracing> tracing) {
        return new BatchConsumers(deadLetters, meters.getIfAvailable(SimpleMeterRegistry::new),
                tracing.getIfAvailable(() -> EventTracing.NONE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ListenerContainerCustomizer.class)
    static class StreamConsumers {

        /**
         * Unreadable events never fail a batch (they are dead-lettered), so a failure means a store or Kafka
         * is unavailable: the batch is retried with growing pauses for as long as it takes.
         */
        @Bean
        @ConditionalOnMissingBean(name = "retryBatchesUntilTheyApply")
        ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesUntilTheyApply() {
            return (container, destination, group) -> {
                ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
                backOff.setMaxInterval(MAX_RETRY_PAUSE.toMillis());
                container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            };
        }
    }
}
