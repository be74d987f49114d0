package io.clientele.communication;

import static org.awaitility.Awaitility.await;

import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, accumulating what arrived; for assertions on what was published. */
public final class EventsTopic implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    public EventsTopic(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public static EventsTopic communicationEvents(String bootstrap) {
        return new EventsTopic(bootstrap, "communication.events");
    }

    public synchronized List<ConsumerRecord<String, String>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        return List.copyOf(received);
    }

    /** Records keyed by this customer, once at least {@code count} of them match. */
    public List<ConsumerRecord<String, String>> awaitFor(UUID customer, int count, Predicate<EventEnvelope> matching) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> poll().stream()
                .filter(r -> customer.toString().equals(r.key()))
                .filter(r -> matching.test(EventJson.read(r.value()))).toList(), list -> list.size() >= count);
    }

    public List<EventEnvelope> eventsOf(UUID customer) {
        return poll().stream().filter(r -> customer.toString().equals(r.key())).map(r -> EventJson.read(r.value())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
