package io.clientele.platform.outbox.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.kit.TopicReader;
import io.clientele.platform.outbox.OutboxProperties;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.outbox.RelayProducers;
import io.clientele.platform.outbox.RelayRound;
import io.clientele.testkit.infra.Infrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * The service kit's relay over its MongoDB store, on a real broker and the MongoDB stand-in: events
 * stored in documents leave oldest first, an event Kafka refuses for good is set aside with the reason
 * without holding back the events after it, a document no write announced is found by the sweep, and
 * only the lease holder relays.
 */
class MongoOutboxRelayIT {

    static final String COLLECTION = "things";
    static final String TOPIC = "kit.mongo-outbox";

    MongoClient client;
    MongoTemplate mongo;
    OutboxProperties properties = new OutboxProperties(false, Duration.ofMillis(100), 1000, Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofSeconds(1), null, null, null, Duration.ofMillis(1), Duration.ofSeconds(15));
    MongoOutboxStore store;
    OutboxRelay relay;
    MongoOutbox outbox;
    UUID workspace = UUID.randomUUID();

    @BeforeEach
    void start() {
        client = MongoClients.create(Infrastructure.mongoUri());
        mongo = new MongoTemplate(client, "outbox-" + UUID.randomUUID());
        store = new MongoOutboxStore(mongo, List.of(new OutboxSource(COLLECTION)), Clock.systemUTC(),
                properties.sweepInterval(), properties.leaseDuration());
        DefaultKafkaProducerFactory<String, String> service = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
        relay = new OutboxRelay(store, RelayProducers.create(service, properties), properties, Clock.systemUTC(),
                new SimpleMeterRegistry());
        outbox = new MongoOutbox("/kit-test", Clock.systemUTC(), store, relay::wakeUp);
    }

    @AfterEach
    void stop() {
        relay.stop();
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void eventsLeaveOldestFirstAndARefusedOneIsSetAsideWithoutHoldingBackTheRest() {
        String key = UUID.randomUUID().toString();
        List<StoredEvent> first = outbox.pending(List.of(event(key, "one"), event(key, "x".repeat(2_000_000))));
        List<StoredEvent> second = outbox.pending(List.of(event(key, "three")));
        write("a", first);
        write("b", second);

        try (TopicReader reader = new TopicReader(Infrastructure.kafkaBootstrapServers(), TOPIC)) {
            RelayRound round = relay.relayOnce();

            assertThat(round.selected()).isEqualTo(3);
            assertThat(round.published()).isEqualTo(2);
            assertThat(round.failure()).isNull();
            List<ConsumerRecord<String, String>> received = await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.poll().stream().filter(r -> key.equals(r.key())).toList(), r -> r.size() >= 2);
            assertThat(received).extracting(r -> EventJson.read(r.value()).data().get("label").asString())
                    .containsExactly("one", "three");
        }
        Document refused = mongo.findById(first.get(1).eventId(), Document.class, MongoOutboxStore.FAILED);
        assertThat(refused).isNotNull();
        assertThat(refused.getString("error")).startsWith("RecordTooLargeException");
        assertThat(refused.getString("documentId")).isEqualTo("a");
        assertThat(refused.getString("payload")).isEqualTo(first.get(1).payload());
        for (String id : List.of("a", "b")) {
            Document document = mongo.findById(id, Document.class, COLLECTION);
            assertThat(document.getList(MongoOutbox.FIELD, Document.class)).isEmpty();
            assertThat(document.containsKey(MongoOutbox.DUE)).isFalse();
        }
        assertThat(store.pending()).isZero();
        assertThat(store.oldestPending()).isEmpty();
    }

    @Test
    void aDocumentNoWriteAnnouncedIsFoundByTheSweep() {
        String key = UUID.randomUUID().toString();
        List<StoredEvent> events = outbox.pending(List.of(event(key, "quiet")));
        mongo.upsert(new Query(Criteria.where("_id").is("c")), outbox.addTo(new Update().set("label", "c"), events),
                COLLECTION);
        assertThat(store.pending()).isEqualTo(1);
        assertThat(store.oldestPending()).contains(events.getFirst().time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        try (TopicReader reader = new TopicReader(Infrastructure.kafkaBootstrapServers(), TOPIC)) {
            assertThat(relay.relayOnce().published()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream().anyMatch(r -> key.equals(r.key())));
        }
    }

    @Test
    void onlyTheLeaseHolderRelays() {
        MongoOutboxStore other = new MongoOutboxStore(mongo, List.of(new OutboxSource(COLLECTION)), Clock.systemUTC(),
                properties.sweepInterval(), properties.leaseDuration());
        write("d", outbox.pending(List.of(event(UUID.randomUUID().toString(), "held"))));

        assertThat(relay.relayOnce().holder()).isTrue();
        RelayRound elsewhere = other.relay(1000, events -> {
            throw new AssertionError("another instance holds the relay");
        });
        assertThat(elsewhere.holder()).isFalse();

        store.release();
        assertThat(other.relay(1000, events -> new io.clientele.platform.outbox.SendOutcome<>(List.of(), List.of(),
                List.of(), null)).holder()).isTrue();
    }

    private OutgoingEvent event(String key, String label) {
        return new OutgoingEvent(TOPIC, "kit.thing-changed.v1", workspace, key, Map.of("label", label));
    }

    private void write(String id, List<StoredEvent> events) {
        mongo.upsert(new Query(Criteria.where("_id").is(id)), outbox.addTo(new Update().set("label", id), events),
                COLLECTION);
        outbox.written(COLLECTION, List.of(id));
    }
}
