package io.clientele.communication.integration.in;

import io.clientele.communication.sending.MessageIntake;
import io.clientele.communication.sending.SendRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The two inputs (Spring Cloud Stream, Kafka binder, batch mode): {@code customer.events} for the
 * contact read model, consents and erasure; {@code communication.commands} for messages to send. An
 * event or command that cannot be read or breaks its contract goes to {@code <topic>.dlt} with the reason
 * and the rest of the batch goes on. A failure of MongoDB or Kafka fails the batch, which is retried with
 * growing pauses for as long as it takes: every effect is idempotent, so a redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    static final String CUSTOMER_EVENTS = "customer.events";
    static final String COMMANDS = "communication.commands";

    @Bean
    Consumer<Message<List<byte[]>>> customerEvents(CustomerEventsProjection projection, DeadLetters deadLetters,
            MeterRegistry meters) {
        return message -> {
            Batch batch = new Batch(message);
            for (int i = 0; i < batch.size(); i++) {
                CustomerEventReader.CustomerEvent event;
                try {
                    event = CustomerEventReader.read(batch.value(i));
                } catch (UnreadableEvent unreadable) {
                    batch.deadLetter(deadLetters, CUSTOMER_EVENTS, i, unreadable.getMessage());
                    continue;
                }
                boolean ours = projection.apply(event);
                meters.counter("clientele.customer.events", "outcome", ours ? "applied" : "not-ours").increment();
            }
        };
    }

    @Bean
    Consumer<Message<List<byte[]>>> sendCommands(MessageIntake intake, DeadLetters deadLetters, MeterRegistry meters) {
        return message -> {
            Batch batch = new Batch(message);
            List<SendRequest> requests = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                try {
                    requests.add(SendCommandReader.read(batch.value(i)));
                } catch (UnreadableEvent | IllegalArgumentException unreadable) {
                    batch.deadLetter(deadLetters, COMMANDS, i, unreadable.getMessage());
                }
            }
            List<MessageIntake.Accepted> accepted = intake.acceptAll(requests);
            long created = accepted.stream().filter(MessageIntake.Accepted::created).count();
            meters.counter("clientele.commands", "outcome", "accepted").increment(created);
            meters.counter("clientele.commands", "outcome", "redelivered").increment(accepted.size() - created);
        };
    }

    /** Text in, text out for the dead letters, whatever serializers the bindings use. */
    @Bean
    DeadLetters deadLetters(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new StringSerializer())), meters);
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryBatchesUntilTheyApply() {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
            backOff.setMaxInterval(30_000);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        };
    }

    /** A batch as the binder hands it over: values with their keys, partitions and offsets. */
    private static final class Batch {
        private final List<byte[]> values;
        private final List<?> keys;
        private final List<?> partitions;
        private final List<?> offsets;

        Batch(Message<List<byte[]>> message) {
            values = message.getPayload();
            keys = header(message, KafkaHeaders.RECEIVED_KEY, values.size());
            partitions = header(message, KafkaHeaders.RECEIVED_PARTITION, values.size());
            offsets = header(message, KafkaHeaders.OFFSET, values.size());
        }

        int size() {
            return values.size();
        }

        byte[] value(int i) {
            byte[] value = values.get(i);
            return value == null ? "null".getBytes(StandardCharsets.UTF_8) : value;
        }

        void deadLetter(DeadLetters deadLetters, String topic, int i, String reason) {
            deadLetters.send(topic, partitions.get(i), offsets.get(i), keys.get(i), values.get(i), reason);
        }

        private static List<?> header(Message<?> message, String name, int size) {
            Object value = message.getHeaders().get(name);
            if (value instanceof List<?> list && list.size() == size) {
                return list;
            }
            List<Object> missing = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                missing.add(null);
            }
            return missing;
        }
    }
}
