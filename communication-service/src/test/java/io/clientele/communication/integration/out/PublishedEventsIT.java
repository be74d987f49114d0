package io.clientele.communication.integration.out;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.http.Api;
import io.clientele.communication.Commands;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.EventsTopic;
import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What communication-service puts on communication.events, read back from Kafka and checked against the
 * published contracts, with the fields customer-service's list and timeline rely on.
 */
@CommunicationIT
class PublishedEventsIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    Commands commands;
    EventsTopic topic;

    @BeforeEach
    void listen() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        commands = new Commands(bootstrap, workspace);
        topic = EventsTopic.communicationEvents(bootstrap);
    }

    @AfterEach
    void close() {
        customers.close();
        commands.close();
        topic.close();
    }

    @Test
    void everyKindOfEventHonoursItsContractAndIsKeyedByTheCustomer() {
        CustomerEvents.Customer jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
        Map<String, Object> email = Map.of("subject", "Hi {{customer.firstName}}", "text", "Hello");
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", email, "requestId", "sent")).expectStatus().isAccepted();
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", email, "requestId", "later", "notBefore", Instant.now().plus(2, ChronoUnit.DAYS).toString()))
                .expectStatus().isAccepted();
        var missingTemplate = commands.inline(jana.id(), "failed", "EMAIL", "TRANSACTIONAL", "x", "x");
        ((tools.jackson.databind.node.ObjectNode) missingTemplate.get("data")).put("templateKey", "no-such-template")
                .putNull("content");
        commands.publish(missingTemplate);
        topic.awaitFor(jana.id(), 1, e -> e.type().equals("communication.message-failed.v1"));
        topic.awaitFor(jana.id(), 1, e -> e.type().equals("communication.message-sent.v1"));
        staff.post("/api/v1/preferences/{id}/mute", null, jana.id()).expectStatus().isOk();
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "SMS", "category", "MARKETING",
                "content", Map.of("text", "Sale"), "requestId", "skipped")).expectStatus().isAccepted();

        List<ConsumerRecord<String, String>> records = topic.awaitFor(jana.id(), 6, e -> true);

        assertThat(records).extracting(r -> EventJson.read(r.value()).type()).contains(
                "communication.preferences-changed.v1", "communication.message-sent.v1",
                "communication.message-scheduled.v1", "communication.message-failed.v1",
                "communication.message-skipped.v1");
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope event = EventJson.read(record.value());
            assertThat(EventContracts.violations(record.value())).as(event.type() + " " + record.value()).isEmpty();
            assertThat(record.key()).isEqualTo(jana.id().toString());
            assertThat(event.subject()).isEqualTo(jana.id().toString());
            assertThat(event.workspaceid()).isEqualTo(workspace.toString());
            assertThat(event.source()).isEqualTo("/communication-service");
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
        }
        assertThat(records).extracting(r -> EventJson.read(r.value()).id()).doesNotHaveDuplicates();

        EventEnvelope sent = only(records, "communication.message-sent.v1");
        assertThat(sent.data().get("requestId").asString()).isEqualTo("sent");
        assertThat(sent.data().get("title").asString()).isEqualTo("Hi {{customer.firstName}}");
        assertThat(sent.data().get("previewPath").asString()).isEqualTo("/api/v1/messages/" + sent.data().get("messageId").asString());
        assertThat(sent.data().get("provider").asString()).isEqualTo("smtp");
        staff.get(sent.data().get("previewPath").asString()).expectStatus().isOk().expectBody()
                .jsonPath("$.content.subject").isEqualTo("Hi Jana");
        EventEnvelope scheduled = only(records, "communication.message-scheduled.v1");
        assertThat(scheduled.data().get("reasonCode").asString()).isEqualTo("not-before");
        assertThat(Instant.parse(scheduled.data().get("dueAt").asString())).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
        EventEnvelope failed = only(records, "communication.message-failed.v1");
        assertThat(failed.data().get("reasonCode").asString()).isEqualTo("template-missing");
        assertThat(failed.data().get("templateKey").asString()).isEqualTo("no-such-template");
        EventEnvelope skipped = only(records, "communication.message-skipped.v1");
        assertThat(skipped.data().get("reasonCode").asString()).isEqualTo("muted");
        assertThat(skipped.data().get("channel").asString()).isEqualTo("SMS");
        assertThat(skipped.data().get("category").asString()).isEqualTo("MARKETING");
    }

    @Test
    void preferenceChangesCarryTheWholeStateAGrowingVersionAndTheListsState() {
        CustomerEvents.Customer jana = aCustomer();
        customers.created(jana, false, "IMPORT");
        CustomerEvents.awaitKnown(staff, jana.id());
        staff.post("/api/v1/preferences/{id}/subscribe", null, jana.id()).expectStatus().isOk();
        staff.post("/api/v1/preferences/{id}/mute", null, jana.id()).expectStatus().isOk();

        List<EventEnvelope> changes = topic.awaitFor(jana.id(), 3,
                e -> e.type().equals("communication.preferences-changed.v1")).stream()
                .map(r -> EventJson.read(r.value())).toList();

        assertThat(changes).extracting(e -> e.data().get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(changes).extracting(e -> e.data().get("contactState").asString())
                .containsExactly("UNSUBSCRIBED", "SUBSCRIBED", "MUTED");
        assertThat(changes).extracting(e -> e.data().get("changedFields").toString())
                .containsExactly("[\"created\"]", "[\"subscriptionState\"]", "[\"muted\"]");
        assertThat(changes.get(0).data().get("source").asString()).isEqualTo("IMPORT");
        assertThat(changes.get(1).data().get("source").asString()).isEqualTo("STAFF");
        assertThat(changes.get(1).data().get("actor").asString()).isEqualTo("staff-" + workspace);
        assertThat(changes.get(1).data().get("wordingVersion").asString()).isEqualTo("1");
        assertThat(changes.get(2).data().get("subscriptionState").asString()).isEqualTo("SUBSCRIBED");
        assertThat(changes.get(2).data().get("muted").asBoolean()).isTrue();
    }

    private static EventEnvelope only(List<ConsumerRecord<String, String>> records, String type) {
        List<EventEnvelope> matching = records.stream().map(r -> EventJson.read(r.value())).filter(e -> e.type().equals(type))
                .toList();
        assertThat(matching).as(type).hasSize(1);
        return matching.getFirst();
    }
}
