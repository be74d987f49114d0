package io.clientele.customer.scenarios;

import static io.clientele.customer.CustomerMother.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.messaging.DeadLetters;
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
 * scenario-service's events on the customer's timeline (C-10, S-4): a scheduled step is planned, moves when it is
 * scheduled again, leaves the planned part when cancelled, and becomes history when it runs; enrollments started and
 * ended are history. The events are the contract's samples with this test's ids, published to Kafka.
 */
@CustomerServiceIT
class ScenarioEventsIT {

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
    void aScheduledStepIsPlannedMovesWhenScheduledAgainAndBecomesHistoryWhenItRuns() {
        UUID customer = staff.create(aCustomer());
        UUID enrollment = UUID.randomUUID();
        Instant due = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        publish(enrollment(customer, enrollment, "scenario.enrollment-started.v1"));
        publish(step("scenario.step-scheduled.v1", customer, enrollment, "reminder-24h", due));
        await().atMost(Duration.ofSeconds(30)).until(() -> !planned(customer).isEmpty());
        Map<String, Object> planned = planned(customer).getFirst();
        assertThat(planned).containsEntry("type", "SCENARIO_STEP_PLANNED").containsEntry("date", due.toString())
                .containsEntry("title", "Připomínka rezervace: SMS: reservation-reminder");
        assertThat(planned.get("source")).isEqualTo(Map.of("type", "scenario-step", "id", enrollment + ":reminder-24h",
                "href", "/api/v1/customers/" + customer + "/planned-steps"));

        Instant moved = due.plus(3, ChronoUnit.HOURS);
        publish(step("scenario.step-scheduled.v1", customer, enrollment, "reminder-24h", moved));
        await().atMost(Duration.ofSeconds(30)).until(() -> planned(customer).stream()
                .anyMatch(entry -> moved.toString().equals(entry.get("date"))));
        assertThat(planned(customer)).hasSize(1);

        ObjectNode executed = step("scenario.step-executed.v1", customer, enrollment, "reminder-24h", moved);
        ((ObjectNode) executed.get("data")).put("executedAt", moved.plusMillis(250).toString());
        publish(executed);
        publish(executed);
        await().atMost(Duration.ofSeconds(30)).until(() -> planned(customer).isEmpty()
                && !timeline(customer, "SCENARIO_STEP_EXECUTED").isEmpty());

        Map<String, Object> ran = timeline(customer, "SCENARIO_STEP_EXECUTED").getFirst();
        assertThat(timeline(customer, "SCENARIO_STEP_EXECUTED")).as("a redelivery changes nothing").hasSize(1);
        assertThat(ran.get("title")).isEqualTo("Připomínka rezervace: SMS: reservation-reminder - message requested");
        assertThat(ran.get("date")).isEqualTo(moved.plusMillis(250).toString());
        assertThat(timeline(customer, "SCENARIO_STARTED")).singleElement().satisfies(entry -> assertThat(
                entry.get("title")).isEqualTo("Scenario started: Připomínka rezervace on reservation.recorded.v1"));
    }

    @Test
    void aCancelledStepLeavesThePlannedPartAndTheEndedEnrollmentIsHistory() {
        UUID customer = staff.create(aCustomer());
        UUID enrollment = UUID.randomUUID();
        Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        publish(step("scenario.step-scheduled.v1", customer, enrollment, "reminder-24h", due));
        publish(step("scenario.step-scheduled.v1", customer, enrollment, "reminder-2h", due.plus(22, ChronoUnit.HOURS)));
        await().atMost(Duration.ofSeconds(30)).until(() -> planned(customer).size() == 2);

        publish(step("scenario.step-cancelled.v1", customer, enrollment, "reminder-24h", due));
        publish(step("scenario.step-cancelled.v1", customer, enrollment, "reminder-2h", due.plus(22, ChronoUnit.HOURS)));
        publish(enrollment(customer, enrollment, "scenario.enrollment-ended.v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> planned(customer).isEmpty()
                && !timeline(customer, "SCENARIO_ENDED").isEmpty());

        assertThat(timeline(customer, "SCENARIO_ENDED").getFirst().get("title"))
                .isEqualTo("Scenario ended: Připomínka rezervace (reservation cancelled)");
        assertThat(timeline(customer, "SCENARIO_STEP_EXECUTED")).isEmpty();
        assertThat(timeline(customer, "SCENARIO_STEP_SKIPPED")).isEmpty();
    }

    @Test
    void aSkippedStepSaysWhy() {
        UUID customer = staff.create(aCustomer());
        UUID enrollment = UUID.randomUUID();
        ObjectNode skipped = step("scenario.step-executed.v1", customer, enrollment, "reminder-2h", Instant.now());
        ((ObjectNode) skipped.get("data")).put("outcome", "SKIPPED").putNull("requestId")
                .put("reason", "moved by a reschedule into the past: not sent late");

        publish(skipped);
        await().atMost(Duration.ofSeconds(30)).until(() -> !timeline(customer, "SCENARIO_STEP_SKIPPED").isEmpty());

        assertThat(timeline(customer, "SCENARIO_STEP_SKIPPED").getFirst().get("title")).isEqualTo(
                "Připomínka rezervace: SMS: reservation-reminder - skipped (moved by a reschedule into the past: not"
                        + " sent late)");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndEventsOfOthersArePassedBy() {
        UUID customer = staff.create(aCustomer());
        UUID erased = staff.create(aCustomer());
        staff.delete("/api/v1/customers/{id}", erased).expectStatus().isNoContent();
        ObjectNode broken = step("scenario.step-scheduled.v1", customer, UUID.randomUUID(), "broken", Instant.now());
        ((ObjectNode) broken.get("data")).remove("dueAt");
        ObjectNode otherWorkspace = step("scenario.step-scheduled.v1", customer, UUID.randomUUID(), "other",
                Instant.now().plus(1, ChronoUnit.DAYS));
        otherWorkspace.put("workspaceid", UUID.randomUUID().toString());

        try (KafkaConsumer<String, String> dlt = deadLetterReader()) {
            publish(broken);
            publish(step("scenario.step-scheduled.v1", erased, UUID.randomUUID(), "erased", Instant.now()));
            publish(otherWorkspace);
            publish(enrollment(customer, UUID.randomUUID(), "scenario.enrollment-started.v1"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !timeline(customer, "SCENARIO_STARTED").isEmpty());

            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(record -> customer.toString().equals(record.key()));
            });
            assertThat(dead.stream().filter(record -> customer.toString().equals(record.key()))
                    .map(record -> header(record, DeadLetters.REASON)))
                    .anySatisfy(reason -> assertThat(reason).contains("data.dueAt"));
        }
        assertThat(planned(customer)).isEmpty();
    }

    // --- scenario-service as these tests play it: the contract's samples with their own ids

    private ObjectNode step(String type, UUID customer, UUID enrollment, String stepId, Instant dueAt) {
        ObjectNode event = sample(type, customer);
        ((ObjectNode) event.get("data")).put("enrollmentId", enrollment.toString()).put("stepId", stepId)
                .put("dueAt", dueAt.toString());
        return event;
    }

    private ObjectNode enrollment(UUID customer, UUID enrollment, String type) {
        ObjectNode event = sample(type, customer);
        ((ObjectNode) event.get("data")).put("enrollmentId", enrollment.toString());
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
        try {
            producer.send(new ProducerRecord<>(ScenarioEventsConsumer.TOPIC, event.get("subject").asString(),
                    event.toString())).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    private KafkaConsumer<String, String> deadLetterReader() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(ScenarioEventsConsumer.TOPIC + ".dlt"));
        return consumer;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- what staff see

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> planned(UUID customer) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline", customer).get("planned");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> timeline(UUID customer, String type) {
        return (List<Map<String, Object>>) staff.json("/api/v1/customers/{id}/timeline?type={type}", customer, type)
                .get("past");
    }
}
