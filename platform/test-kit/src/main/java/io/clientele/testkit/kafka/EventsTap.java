package io.clientele.testkit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what a service published to its topics (from the beginning), one workspace at a time: CloudEvents as JSON. */
public final class EventsTap implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<String> seen = new ArrayList<>();

    public EventsTap(String bootstrap, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Every event of the workspace read so far (polling once more first), as JSON text. */
    public synchronized List<String> of(UUID workspace) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> seen.add(record.value()));
        return seen.stream().filter(event -> workspace.toString().equals(JSON.readTree(event).path("workspaceid")
                .asString())).toList();
    }

    public List<JsonNode> ofType(UUID workspace, String type) {
        return of(workspace).stream().map(JSON::readTree).filter(event -> type.equals(event.path("type").asString()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
