package io.clientele.customer.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as customer-service's consumers use it. What happens when a batch fails: unreadable events
 * never fail it (they are dead-lettered), so a failure means the database or Kafka is unavailable.
 * The batch is then retried with growing pauses, for as long as it takes: pausing the stream loses
 * nothing, skipping the batch would.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * Text in, text out for what customer-service writes to Kafka itself (dead letters, the HTTP
     * intake), whatever serializers Spring Cloud Stream configures for its bindings.
     */
    @Bean
    AcknowledgedProducer acknowledgedProducer(ProducerFactory<?, ?> producers) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new AcknowledgedProducer(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer())));
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesUntilTheyApply() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }
}
