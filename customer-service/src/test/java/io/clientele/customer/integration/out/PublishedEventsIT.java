package io.clientele.customer.integration.out;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What customer-service actually puts on customer.events, read back from Kafka and checked against
 * the published contracts in platform/contracts.
 */
@CustomerServiceIT
class PublishedEventsIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace = UUID.randomUUID();
    Api staff;
    KafkaConsumer<String, String> consumer;
    List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @BeforeEach
    void listen() {
        staff = Api.staff(port, workspace);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("customer.events"));
    }

    @AfterEach
    void stop() {
        consumer.close();
    }

    @Test
    void everyChangeIsPublishedAsAnEventThatHonoursItsContract() {
        UUID id = staff.create(with(with(aCustomer(), "marketingConsent", true), "address",
                Map.of("city", "Brno", "country", "CZ")));
        staff.put("/api/v1/customers/{id}", with(aCustomer(), "temperature", "HOT"), id).expectStatus().isOk();
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "PROBLEMATIC", "reason", "late twice"), id)
                .expectStatus().isOk();
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "private text", "priority", "HIGH"), id)
                .expectStatus().isCreated();
        staff.delete("/api/v1/customers/{id}", id).expectStatus().isNoContent();

        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);

        assertThat(events).extracting(r -> EventJson.read(r.value()).type()).containsExactly(
                "customer.created.v1", "customer.updated.v1", "customer.status-changed.v1",
                "customer.note-added.v1", "customer.erased.v1");
        for (ConsumerRecord<String, String> record : events) {
            EventEnvelope event = EventJson.read(record.value());
            assertThat(EventContracts.violations(record.value())).as(event.type()).isEmpty();
            assertThat(record.key()).isEqualTo(id.toString());
            assertThat(event.subject()).isEqualTo(id.toString());
            assertThat(event.workspaceid()).isEqualTo(workspace.toString());
            assertThat(event.source()).isEqualTo("/customer-service");
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
        EventEnvelope created = EventJson.read(events.get(0).value());
        assertThat(created.data().get("marketingConsent").asBoolean()).isTrue();
        assertThat(created.data().get("consentSource").asString()).isEqualTo("STAFF");
        assertThat(created.data().get("customer").get("address").get("city").asString()).isEqualTo("Brno");
        EventEnvelope updated = EventJson.read(events.get(1).value());
        assertThat(updated.data().get("changedFields").toString()).contains("temperature");
        EventEnvelope statusChanged = EventJson.read(events.get(2).value());
        assertThat(statusChanged.data().get("from").asString()).isEqualTo("NEW");
        assertThat(statusChanged.data().get("to").asString()).isEqualTo("PROBLEMATIC");
        assertThat(EventJson.read(events.get(3).value()).data().toString()).doesNotContain("private text");
        assertThat(events).extracting(r -> EventJson.read(r.value()).id()).doesNotHaveDuplicates();
    }

    @Test
    void aRefusedRequestPublishesNothing() {
        UUID id = staff.create(aCustomer());
        staff.put("/api/v1/customers/{id}", with(aCustomer(), "phone", "not a phone"), id).expectStatus().isBadRequest();
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "marker"), id).expectStatus().isCreated();

        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);

        assertThat(events).extracting(r -> EventJson.read(r.value()).type()).containsExactly(
                "customer.created.v1", "customer.note-added.v1");
    }

    @Test
    void importedCustomersArePublishedLikeAnyOtherWithTheConsentTheirRowStated() {
        UUID existing = staff.create(aCustomer());
        String existingEmail = (String) staff.json("/api/v1/customers/{id}", existing).get("email");
        String newEmail = "imported-" + UUID.randomUUID() + "@example.cz";
        String csv = "name,email,marketing_consent\nJana Importovaná," + newEmail + ",ano\nJana Nováková,"
                + existingEmail + ",yes\n";
        Map<?, ?> started = staff.postAs(new org.springframework.http.MediaType("text", "csv"),
                "/api/v1/imports?fileName=events.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isAccepted().returnResult(Map.class).getResponseBody();
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
                staff.json("/api/v1/imports/{id}", started.get("id")).get("status")));
        UUID created = UUID.fromString((String) ((List<?>) staff.json("/api/v1/customers/lookup?email={e}", newEmail)
                .get("matches")).stream().map(match -> ((Map<?, ?>) match).get("id")).findFirst().orElseThrow());

        ConsumerRecord<String, String> createdEvent = eventsOf(created, 1).getFirst();
        ConsumerRecord<String, String> updatedEvent = eventsOf(existing, 2).get(1);

        assertThat(EventContracts.violations(createdEvent.value())).isEmpty();
        assertThat(EventContracts.violations(updatedEvent.value())).isEmpty();
        EventEnvelope createdEnvelope = EventJson.read(createdEvent.value());
        assertThat(createdEnvelope.type()).isEqualTo("customer.created.v1");
        assertThat(createdEnvelope.data().get("consentSource").asString()).isEqualTo("IMPORT");
        assertThat(createdEnvelope.data().get("marketingConsent").asBoolean()).isTrue();
        assertThat(createdEnvelope.data().get("customer").get("source").asString()).isEqualTo("IMPORT");
        EventEnvelope updatedEnvelope = EventJson.read(updatedEvent.value());
        assertThat(updatedEnvelope.type()).isEqualTo("customer.updated.v1");
        assertThat(updatedEnvelope.data().get("changedFields").toString()).contains("marketingConsent");
        assertThat(updatedEnvelope.data().get("marketingConsent").asBoolean()).isTrue();
        assertThat(updatedEnvelope.data().get("consentSource").asString()).isEqualTo("IMPORT");
    }

    private List<ConsumerRecord<String, String>> eventsOf(UUID customer, int expected) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream().filter(r -> customer.toString().equals(r.key())).toList();
        }, events -> events.size() >= expected);
    }
}
