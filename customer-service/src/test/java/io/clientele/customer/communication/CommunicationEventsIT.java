package io.clientele.customer.communication;

import static io.clientele.customer.CustomerMother.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.platform.messaging.DeadLetters;
import io.clientele.platform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * communication-service's events as customer-service follows them: the list's subscription column and
 * the timeline. The events are the contract's samples with this test's ids, published to Kafka.
 */
@CustomerServiceIT
class CommunicationEventsIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void theSubscriptionColumnAndItsFiltersFollowTheNewestPreferences() {
        UUID customer = staff.create(aCustomer());
        assertThat(row(customer)).containsEntry("subscription", "UNSUBSCRIBED");

        publish(preferences(customer, 2, "SUBSCRIBED", false, "subscriptionState"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUBSCRIBED".equals(row(customer).get("subscription")));
        publish(preferences(customer, 3, "SUBSCRIBED", true, "muted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "MUTED".equals(row(customer).get("subscription")));
        // late: an older version arrives after the newer ones and changes nothing
        publish(preferences(customer, 1, "UNSUBSCRIBED", false, "subscriptionState"));
        publish(preferences(customer, 4, "SUBSCRIBED", true, "channels"));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "PREFERENCES_CHANGED").size() == 1);

        assertThat(row(customer)).containsEntry("subscription", "MUTED");
        assertThat(staff.json("/api/v1/customers/{id}", customer)).containsEntry("subscriptionState", "SUBSCRIBED")
                .containsEntry("muted", true);
        assertThat(ids(staff.json("/api/v1/customers?subscription=MUTED"))).containsExactly(customer.toString());
        assertThat(ids(staff.json("/api/v1/customers?subscription=UNSUBSCRIBED"))).isEmpty();
        assertThat(ids(staff.json("/api/v1/customers?muted=true"))).containsExactly(customer.toString());
    }

    @Test
    void preferenceChangesAndMessagesAppearOnTheTimelineWithTheirSources() {
        UUID customer = staff.create(aCustomer());
        UUID sent = UUID.randomUUID();
        UUID skipped = UUID.randomUUID();

        publish(preferences(customer, 2, "UNSUBSCRIBED", true, "subscriptionState", "muted"));
        publish(message("communication.message-sent.v1", customer, sent, Instant.now()));
        publish(message("communication.message-skipped.v1", customer, skipped, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> past(customer).size() >= 5);

        List<Map<String, Object>> past = past(customer);
        assertThat(past).extracting(entry -> entry.get("type")).containsExactlyInAnyOrder("CUSTOMER_CREATED",
                "SUBSCRIPTION_CHANGED", "MUTE_CHANGED", "MESSAGE_SENT", "MESSAGE_SKIPPED");
        Map<String, Object> sentEntry = only(past, "MESSAGE_SENT");
        assertThat(sentEntry.get("title")).isEqualTo("E-mail sent: Reservation reminder");
        assertThat(sentEntry.get("source")).isEqualTo(Map.of("type", "message", "id", sent.toString(),
                "href", "/api/v1/messages/" + sent));
        assertThat((String) only(past, "MESSAGE_SKIPPED").get("title"))
                .startsWith("E-mail not sent: November offer (marketing) (The customer is unsubscribed");
        assertThat(only(past, "SUBSCRIPTION_CHANGED").get("title"))
                .isEqualTo("Unsubscribed from marketing through the unsubscribe link");
        assertThat(only(past, "MUTE_CHANGED").get("title"))
                .isEqualTo("Muted through the unsubscribe link: no message goes out at all");
    }

    @Test
    void aDeferredMessageIsPlannedUntilItGoesOut() {
        UUID customer = staff.create(aCustomer());
        UUID message = UUID.randomUUID();
        Instant due = Instant.now().plus(10, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        ObjectNode scheduled = message("communication.message-scheduled.v1", customer, message, Instant.now());
        ((ObjectNode) scheduled.get("data")).put("dueAt", due.toString());
        publish(scheduled);
        await().atMost(Duration.ofSeconds(30)).until(() -> !planned(customer).isEmpty());

        Map<String, Object> planned = planned(customer).getFirst();
        assertThat(planned).containsEntry("type", "MESSAGE_PLANNED").containsEntry("date", due.toString());
        assertThat((String) planned.get("title")).startsWith("E-mail planned: November offer (marketing) (Quiet hours");

        publish(message("communication.message-sent.v1", customer, message, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> planned(customer).isEmpty());
        assertThat(timeline(customer, "MESSAGE_SENT")).hasSize(1);
    }

    @Test
    void aRedeliveredEventChangesNothingTheSecondTime() {
        UUID customer = staff.create(aCustomer());
        ObjectNode sent = message("communication.message-sent.v1", customer, UUID.randomUUID(), Instant.now());

        publish(sent);
        publish(sent);
        publish(message("communication.message-failed.v1", customer, UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "MESSAGE_FAILED").size() == 1);

        assertThat(timeline(customer, "MESSAGE_SENT")).hasSize(1);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        UUID customer = staff.create(aCustomer());
        ObjectNode broken = message("communication.message-sent.v1", customer, UUID.randomUUID(), Instant.now());
        ((ObjectNode) broken.get("data")).remove("channel");
        UUID erased = staff.create(aCustomer());
        staff.delete("/api/v1/customers/{id}", erased).expectStatus().isNoContent();
        ObjectNode otherWorkspace = message("communication.message-sent.v1", customer, UUID.randomUUID(), Instant.now());
        otherWorkspace.put("workspaceid", UUID.randomUUID().toString());

        try (KafkaConsumer<String, String> dlt = deadLetterReader()) {
            publish(customer, "{not json");
            publish(broken);
            publish(message("communication.message-sent.v1", erased, UUID.randomUUID(), Instant.now()));
            publish(otherWorkspace);
            publish(message("communication.message-failed.v1", customer, UUID.randomUUID(), Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> timeline(customer, "MESSAGE_FAILED").size() == 1);

            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().filter(record -> customer.toString().equals(record.key())).count() >= 2;
            });
            List<String> reasons = dead.stream().filter(record -> customer.toString().equals(record.key()))
                    .map(record -> header(record, DeadLetters.REASON)).toList();
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).startsWith("body: is not JSON"));
            assertThat(reasons).anySatisfy(reason -> assertThat(reason).contains("data.channel"));
        }
        assertThat(timeline(customer, "MESSAGE_SENT")).isEmpty();
    }

    // --- communication-service as these tests play it: the contract's samples with their own ids

    private ObjectNode preferences(UUID customer, long version, String subscription, boolean muted,
            String... changed) {
        ObjectNode event = sample("communication.preferences-changed.v1", customer);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("version", version).put("subscriptionState", subscription).put("muted", muted)
                .put("contactState", muted ? "MUTED" : subscription);
        data.putArray("changedFields").addAll(java.util.Arrays.stream(changed)
                .map(field -> EventJson.mapper().getNodeFactory().stringNode(field)).toList());
        return event;
    }

    private ObjectNode message(String type, UUID customer, UUID messageId, Instant at) {
        ObjectNode event = sample(type, customer);
        ((ObjectNode) event.get("data")).put("messageId", messageId.toString()).put("occurredAt", at.toString())
                .put("previewPath", "/api/v1/messages/" + messageId);
        return event;
    }

    private ObjectNode sample(String type, UUID customer) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample(type));
        event.put("id", UUID.randomUUID().toString()).put("subject", customer.toString())
                .put("workspaceid", workspace.toString());
        ((ObjectNode) event.get("data")).put("customerId", customer.toString());
        return event;
    }

    private void publish(ObjectNode event) {
        publish(UUID.fromString(event.get("subject").asString()), event.toString());
    }

    private void publish(UUID key, String value) {
        try {
            producer.send(new ProducerRecord<>(CommunicationEventsConsumer.TOPIC, key.toString(), value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private KafkaConsumer<String, String> deadLetterReader() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(CommunicationEventsConsumer.TOPIC + ".dlt"));
        return consumer;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- what staff see

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(UUID customer) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) staff.json("/api/v1/customers?limit=200")
                .get("items");
        return items.stream().filter(item -> customer.toString().equals(item.get("id"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> past(UUID customer) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline", customer).get("past");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> planned(UUID customer) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline", customer).get("planned");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(UUID customer, String type) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline?type={type}", customer, type)
                .get("past");
    }

    private static Map<String, Object> only(List<Map<String, Object>> entries, String type) {
        List<Map<String, Object>> matching = entries.stream().filter(entry -> type.equals(entry.get("type"))).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }
}
