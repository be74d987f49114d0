package io.clientele.communication.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, List<OutboxSource> sources, OutboxHints hints,
            ProducerFactory<?, ?> producers, RelayProperties properties, Clock clock, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        // A round gives up after sendTimeout: so does the producer, instead of holding records for two minutes.
        int linger = Integer.parseInt(String.valueOf(config.get(ProducerConfig.LINGER_MS_CONFIG)));
        long delivery = Math.max(properties.sendTimeout().toMillis(), 2_000L);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000L, delivery - linger - 500));
        DefaultKafkaProducerFactory<String, String> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer());
        factory.setPhysicalCloseTimeout(1);
        for (OutboxSource source : sources) {
            // Sparse: only documents with waiting events are in it, so the sweep reads nothing else.
            mongo.indexOps(source.collection()).createIndex(new Index(EventOutbox.DUE, org.springframework.data.domain.Sort.Direction.ASC)
                    .sparse().named("outbox_due"));
        }
        return new OutboxRelay(mongo, sources, hints, factory, properties, clock, meters);
    }
}
