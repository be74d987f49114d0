package io.clientele.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.platform.events.EventJson;
import io.clientele.platform.kit.KitTestApplication;
import io.clientele.platform.kit.KitTestApplication.DemoService;
import io.clientele.platform.kit.TopicReader;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.infra.TcpProxy;
import io.clientele.testkit.spring.UsePostgres;
import io.clientele.testkit.spring.UseTestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox promise: state committed while Kafka is unreachable reaches Kafka exactly once after it
 * comes back. The service reaches its broker only through a proxy the test can cut, as a network
 * partition would; so this test runs its own embedded broker whatever other infrastructure is set.
 */
@SpringBootTest(classes = KitTestApplication.class)
@UsePostgres
@UseTestTokens
class OutboxKafkaOutageIT {

    static final TcpProxy network = TcpProxy.listen(TcpProxy.freePort());
    static final String ADDRESS = "127.0.0.1:" + network.port();
    static final EmbeddedKafka kafka = EmbeddedKafka.start(3, ADDRESS);

    static {
        network.forwardTo(kafka.bootstrapServers());
        network.cut();
    }

    @DynamicPropertySource
    static void kafkaBehindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> ADDRESS);
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "1000");
        registry.add("spring.kafka.producer.properties.reconnect.backoff.max.ms", () -> "500");
        registry.add("clientele.outbox.initial-backoff", () -> "100ms");
        registry.add("clientele.outbox.max-backoff", () -> "1s");
        registry.add("clientele.outbox.send-timeout", () -> "5s");
    }

    @AfterAll
    static void stopBroker() {
        network.close();
        kafka.close();
    }

    @Autowired
    DemoService service;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void stateCommittedWhileKafkaIsUnreachableArrivesExactlyOnceWhenItComesBack() {
        UUID workspace = UUID.randomUUID();

        // Kafka has never been reachable: every change still commits, its event held back.
        List<String> whileUnreachable = change(workspace, "never-reached", 40);
        assertThat(labelsCommitted("never-reached-%")).isEqualTo(40);
        await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOn(whileUnreachable.getFirst()) >= 2);
        assertThat(pendingAmong(whileUnreachable)).isEqualTo(40);

        network.restore();
        List<String> expected = new ArrayList<>(whileUnreachable);
        assertTopicHoldsExactlyOnce(expected);

        // Kafka goes away after having been reached (open connections dropped), then comes back.
        network.cut();
        List<String> duringOutage = change(workspace, "outage", 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> attemptsOn(duringOutage.getFirst()) >= 2);
        assertThat(pendingAmong(duringOutage)).isEqualTo(25);

        network.restore();
        expected.addAll(duringOutage);
        assertTopicHoldsExactlyOnce(expected);
    }

    private void assertTopicHoldsExactlyOnce(List<String> expectedIds) {
        try (TopicReader reader = new TopicReader(ADDRESS, DemoService.TOPIC)) {
            List<String> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                received.clear();
                reader.poll().forEach(record -> received.add(idOf(record)));
                return received.size() >= expectedIds.size();
            });
            // Give a duplicate every chance to show up before concluding there is none.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                received.clear();
                reader.poll().forEach(record -> received.add(idOf(record)));
                return true;
            });
            assertThat(received).hasSameSizeAs(expectedIds);
            assertThat(new HashSet<>(received)).containsExactlyInAnyOrderElementsOf(expectedIds);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingAmong(expectedIds) == 0);
    }

    private List<String> change(UUID workspace, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(service.change(workspace, prefix + "-" + i));
        }
        return ids;
    }

    private long labelsCommitted(String pattern) {
        return jdbc.queryForObject("SELECT count(*) FROM demo_state WHERE label LIKE ?", Long.class, pattern);
    }

    private int attemptsOn(String eventId) {
        return jdbc.queryForObject("SELECT attempts FROM platform.outbox_event WHERE id = ?::uuid", Integer.class, eventId);
    }

    private long pendingAmong(List<String> ids) {
        return jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event WHERE published_at IS NULL"
                + " AND id = ANY (?::uuid[])", Long.class, (Object) ids.toArray(String[]::new));
    }

    private static String idOf(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value()).id();
    }
}
