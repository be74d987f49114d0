package io.clientele.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/** The relay's own producers, whatever else the service configures for Kafka. */
public final class RelayProducers {

    private RelayProducers() {
    }

    /**
     * String key and CloudEvents JSON value; idempotent and acknowledged by every in-sync replica, so
     * Kafka's retries never duplicate or reorder a key's events; timeouts tied to the relay's round.
     */
    public static DefaultKafkaProducerFactory<String, String> create(ProducerFactory<?, ?> service, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(service.getConfigurationProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Kafka requires delivery.timeout >= linger + request.timeout; the relay waits a little longer
        // than delivery.timeout so every send ends with Kafka's own verdict.
        int deliveryTimeout = (int) Math.max(2_000, properties.sendTimeout().toMillis());
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5_000, deliveryTimeout));
        int linger = 5;
        int requestTimeout = Math.max(1_000, deliveryTimeout / 2);
        config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        // A relay round hands Kafka up to a thousand events at once: batches of 16 KB (the default) would
        // split them into many small produce requests per partition.
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(deliveryTimeout, linger + requestTimeout));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new StringSerializer());
        // Shutdown does not wait on a broker that has gone: what was not acknowledged stays in the outbox.
        producers.setPhysicalCloseTimeout(1);
        return producers;
    }
}
