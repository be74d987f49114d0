package io.clientele.communication.outbox;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.Crashes;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.EventsTopic;
import io.clientele.communication.TestProviders;
import io.clientele.platform.events.EventJson;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.infra.TcpProxy;
import io.clientele.testkit.spring.UseMongo;
import io.clientele.testkit.spring.UseTestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox promise on MongoDB: preference changes and message outcomes stored while Kafka is
 * unreachable reach communication.events exactly once when it is back. The service reaches its broker
 * only through a proxy the test cuts, as a network partition would; so this test runs its own broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.outbox.poll-interval=100ms",
        "clientele.outbox.sweep-interval=500ms",
        "clientele.outbox.initial-backoff=100ms",
        "clientele.outbox.max-backoff=1s",
        "clientele.outbox.send-timeout=3s",
        "clientele.communication.sending.poll-interval=100ms",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.reconnect.backoff.max.ms=500"})
@ContextConfiguration(initializers = TestProviders.class)
@Import({Crashes.class, io.clientele.communication.sending.CrashableSmsProvider.class})
@UseMongo
@UseTestTokens
class OutboxKafkaOutageIT {

    static final TcpProxy network = TcpProxy.listen(TcpProxy.freePort());
    static final String ADDRESS = "127.0.0.1:" + network.port();
    static final EmbeddedKafka kafka = EmbeddedKafka.start(3, ADDRESS);

    static {
        network.forwardTo(kafka.bootstrapServers());
    }

    @DynamicPropertySource
    static void kafkaBehindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> ADDRESS);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> ADDRESS);
    }

    @AfterAll
    static void stopBroker() {
        network.close();
        kafka.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void changesStoredWhileKafkaIsUnreachableArriveExactlyOnceWhenItIsBack() {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        List<UUID> customers = new ArrayList<>();
        try (CustomerEvents events = new CustomerEvents(ADDRESS, workspace)) {
            for (int i = 0; i < 10; i++) {
                CustomerEvents.Customer customer = aCustomer();
                events.created(customer, true, "STAFF");
                customers.add(customer.id());
            }
            customers.forEach(id -> CustomerEvents.awaitKnown(staff, id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEventIds(workspace).isEmpty());

        network.cut();
        double failuresBefore = meters.counter("clientele.outbox.send.failures").count();
        for (UUID customer : customers) {
            staff.post("/api/v1/preferences/{id}/mute", null, customer).expectStatus().isOk();
            staff.post("/api/v1/preferences/{id}/unmute", null, customer).expectStatus().isOk();
            staff.post("/api/v1/messages", Map.of("customerId", customer, "channel", "EMAIL", "category", "TRANSACTIONAL",
                    "content", Map.of("subject", "During the outage", "text", "Hello"))).expectStatus().isAccepted();
        }
        // Every change is stored, its event waits in its document, and the relay keeps trying.
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingEventIds(workspace).size() == customers.size() * 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter("clientele.outbox.send.failures").count()
                >= failuresBefore + 2);
        List<String> expected = pendingEventIds(workspace);
        assertThat(new HashSet<>(expected)).hasSameSizeAs(expected);

        network.restore();

        try (EventsTopic topic = EventsTopic.communicationEvents(ADDRESS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> idsOf(topic).containsAll(expected));
            // Give a duplicate every chance to show up before concluding there is none.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            List<String> received = idsOf(topic).stream().filter(expected::contains).toList();
            assertThat(received).hasSameSizeAs(expected);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEventIds(workspace).isEmpty());
    }

    private static List<String> idsOf(EventsTopic topic) {
        return topic.poll().stream().map(r -> EventJson.read(r.value()).id()).toList();
    }

    /** Ids of the events waiting in this workspace's preferences and message documents. */
    private List<String> pendingEventIds(UUID workspace) {
        List<String> ids = new ArrayList<>();
        for (String collection : List.of("preferences", "messages")) {
            for (Document document : mongo.getCollection(collection).find(new Document("workspaceId", workspace.toString()))) {
                document.getList("outbox", Document.class, List.of()).forEach(event -> ids.add(event.getString("eventId")));
            }
        }
        return ids;
    }
}
