package io.clientele.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.inbox.Inbox;
import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.platform.kit.KitTestApplication.DemoService;
import io.clientele.platform.kit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@KitIntegrationTest
class OutboxIT {

    @Autowired
    DemoService service;
    @Autowired
    Outbox outbox;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aCommittedChangeReachesKafkaAsACloudEventKeyedBySubject() {
        UUID workspace = UUID.randomUUID();
        try (TopicReader reader = new TopicReader(bootstrap, DemoService.TOPIC)) {
            String eventId = service.change(workspace, "first");

            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                    .until(() -> find(reader.poll(), eventId), r -> r != null);

            EventEnvelope envelope = EventJson.read(record.value());
            assertThat(envelope.specversion()).isEqualTo("1.0");
            assertThat(envelope.type()).isEqualTo("demo.changed.v1");
            assertThat(envelope.source()).isEqualTo("/kit-test");
            assertThat(envelope.workspaceid()).isEqualTo(workspace.toString());
            assertThat(envelope.subject()).isEqualTo(record.key());
            assertThat(envelope.data().get("label").asString()).isEqualTo("first");
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
    }

    @Test
    void aLargeBatchIsWrittenInOneGoAndRelayedInOrderWithTimeOrderedIds() {
        UUID workspace = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        List<OutgoingEvent> events = java.util.stream.IntStream.range(0, 250).mapToObj(i -> new OutgoingEvent(
                DemoService.TOPIC, "demo.changed.v1", workspace, key, Map.of("label", "tab\tnew\nline\\ " + i)))
                .toList();
        try (TopicReader reader = new TopicReader(bootstrap, DemoService.TOPIC)) {
            List<String> written = transactions.execute(status -> outbox.publishAll(events));

            List<ConsumerRecord<String, String>> received = await().atMost(Duration.ofSeconds(30)).until(
                    () -> reader.poll().stream().filter(r -> key.equals(r.key())).toList(), all -> all.size() >= 250);

            assertThat(received).extracting(r -> EventJson.read(r.value()).id())
                    .containsExactlyElementsOf(written);
            assertThat(EventJson.read(received.get(7).value()).data().get("label").asString())
                    .isEqualTo("tab\tnew\nline\\ 7");
            assertThat(written).extracting(id -> UUID.fromString(id).version()).containsOnly(7);
            // published events are not kept (no retention configured): Kafka has them
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM platform.outbox_event WHERE message_key = ?", Long.class, key) == 0);
        }
    }

    @Test
    void anEventKafkaRefusesForGoodIsSetAsideAndTheNextOneStillLeaves() {
        UUID workspace = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (TopicReader reader = new TopicReader(bootstrap, DemoService.TOPIC)) {
            List<String> written = transactions.execute(status -> outbox.publishAll(List.of(
                    new OutgoingEvent(DemoService.TOPIC, "demo.changed.v1", workspace, key,
                            Map.of("label", "x".repeat(2_000_000))),
                    new OutgoingEvent(DemoService.TOPIC, "demo.changed.v1", workspace, key, Map.of("label", "after")))));

            await().atMost(Duration.ofSeconds(30)).until(() -> find(reader.poll(), written.get(1)) != null);
            Map<String, Object> refused = jdbc.queryForMap("SELECT failed_at, last_error, published_at"
                    + " FROM platform.outbox_event WHERE id = ?::uuid", written.get(0));
            assertThat(refused.get("failed_at")).isNotNull();
            assertThat(refused.get("published_at")).isNull();
            assertThat((String) refused.get("last_error")).startsWith("RecordTooLargeException");
            assertThat(reader.poll()).noneMatch(r -> r.value().contains(written.get(0)));
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        long before = count();
        assertThatThrownBy(() -> service.changeThenFail(UUID.randomUUID(), "never"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(new OutgoingEvent("demo.events", "demo.changed.v1", UUID.randomUUID(),
                "x", Map.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theInboxAcceptsAnEventOncePerConsumer() {
        Inbox.Delivery event = new Inbox.Delivery(UUID.randomUUID(), UUID.randomUUID().toString());
        List<Boolean> deliveries = List.of(
                transactions.execute(status -> inbox.firstDelivery("reader-a", event)),
                transactions.execute(status -> inbox.firstDelivery("reader-a", event)),
                transactions.execute(status -> inbox.firstDelivery("reader-b", event)));
        assertThat(deliveries).containsExactly(true, false, true);
    }

    @Test
    void anEventIdAppliedInOneWorkspaceIsStillFreshInAnother() {
        String partnerChosenId = "evt-" + UUID.randomUUID();
        Inbox.Delivery inB = new Inbox.Delivery(UUID.randomUUID(), partnerChosenId);
        Inbox.Delivery inA = new Inbox.Delivery(UUID.randomUUID(), partnerChosenId);
        transactions.execute(status -> inbox.firstDelivery("reader-w", inB));

        Set<Inbox.Delivery> first = transactions.execute(status -> inbox.firstDeliveries("reader-w", List.of(inA, inB)));

        assertThat(first).containsExactly(inA);
    }

    @Test
    void theInboxSortsABatchIntoFirstAndRepeatedDeliveries() {
        UUID workspace = UUID.randomUUID();
        Inbox.Delivery seen = new Inbox.Delivery(workspace, UUID.randomUUID().toString());
        Inbox.Delivery fresh = new Inbox.Delivery(workspace, UUID.randomUUID().toString());
        transactions.execute(status -> inbox.firstDelivery("reader-c", seen));

        Set<Inbox.Delivery> first = transactions.execute(status ->
                inbox.firstDeliveries("reader-c", List.of(fresh, seen, fresh)));

        assertThat(first).containsExactly(fresh);
    }

    @Test
    void anInboxEntryRollsBackWithTheEffect() {
        Inbox.Delivery event = new Inbox.Delivery(UUID.randomUUID(), UUID.randomUUID().toString());
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            inbox.firstDelivery("reader-a", event);
            throw new IllegalStateException("effect failed");
        })).isInstanceOf(IllegalStateException.class);

        Boolean redelivered = transactions.execute(status -> inbox.firstDelivery("reader-a", event));
        assertThat(redelivered).isTrue();
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event", Long.class);
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> r.value().contains("\"id\":\"" + id + "\"")).findFirst().orElse(null);
    }
}
