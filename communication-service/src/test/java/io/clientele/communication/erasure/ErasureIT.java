package io.clientele.communication.erasure;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.Commands;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * customer.erased.v1: personal data and message contents go, the counts and the consent proof stay,
 * nothing is sent any more, and late events cannot bring anything back.
 */
@CommunicationIT
class ErasureIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    Commands commands;
    CustomerEvents.Customer jana;

    @BeforeEach
    void aCustomerWithHistory() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        commands = new Commands(bootstrap, workspace);
        jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
        commands.close();
    }

    @Test
    void erasureRemovesThePersonKeepsTheCountsAndTheProofAndEndsWhatWaits() {
        String sent = (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "content", Map.of("subject", "Hello {{customer.firstName}}", "text", "Dear Jana"),
                "variables", Map.of("custom", Map.of("secret", "her card number")))).get("id");
        String waiting = (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "content", Map.of("subject", "Later", "text", "Later"),
                "notBefore", Instant.now().plus(3, ChronoUnit.DAYS).toString())).get("id");
        staff.post("/api/v1/preferences/{id}/unsubscribe", Map.of("note", "Jana called: phone +420 777 123 456"), jana.id())
                .expectStatus().isOk();
        Mailbox.awaitAtLeast(jana.email(), 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> staff.get("/api/v1/messages/{id}", sent).expectBody()
                .jsonPath("$.state").isEqualTo("SENT"));

        customers.erased(jana.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/preferences/{id}", jana.id())
                .expectStatus().isEqualTo(410));

        staff.get("/api/v1/messages/{id}", sent).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("SENT")
                .jsonPath("$.erased").isEqualTo(true)
                .jsonPath("$.content").doesNotExist()
                .jsonPath("$.title").isEqualTo("One-off e-mail");
        staff.get("/api/v1/messages/{id}", waiting).expectBody()
                .jsonPath("$.state").isEqualTo("SKIPPED")
                .jsonPath("$.reasonCode").isEqualTo("customer-erased");
        staff.get("/api/v1/messages/counts?customerId={id}", jana.id()).expectBody()
                .jsonPath("$[?(@.state == 'SENT')].count").isEqualTo(List.of(1))
                .jsonPath("$[?(@.state == 'SKIPPED')].count").isEqualTo(List.of(1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> record = staff.get("/api/v1/preferences/{id}/consents", jana.id()).expectStatus().isOk()
                .returnResult(List.class).getResponseBody();
        assertThat(record).hasSize(2);
        assertThat(record).allSatisfy(entry -> assertThat(entry).containsEntry("note", null).containsEntry("language", null));
        assertThat(record.getFirst()).containsEntry("source", "STAFF").containsEntry("subscription", "UNSUBSCRIBED");

        String stored = mongo.getCollection("messages").find(new Document("customerId", jana.id().toString()))
                .into(new java.util.ArrayList<>()).toString() + mongo.findOne(new Query(Criteria.where("_id")
                .is(workspace + ":" + jana.id())), Document.class, "contacts") + mongo.findOne(new Query(Criteria.where("_id")
                .is(workspace + ":" + jana.id())), Document.class, "preferences");
        assertThat(stored).doesNotContain(jana.email()).doesNotContain("Jana").doesNotContain("Nováková")
                .doesNotContain(jana.phone()).doesNotContain("her card number").doesNotContain("777 123 456");
    }

    @Test
    void nothingIsSentAfterTheErasureAndALateUpdateBringsNothingBack() {
        customers.erased(jana.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/preferences/{id}", jana.id())
                .expectStatus().isEqualTo(410));

        customers.updated(jana.withName("Jana", "Again"), Instant.now().plusSeconds(60), "lastName");
        commands.publish(commands.inline(jana.id(), "after-erasure", "EMAIL", "TRANSACTIONAL", "Hi", "Hi"));
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Hi", "text", "Hi"))).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/customer-erased");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages?customerId={id}", jana.id())
                .expectBody().jsonPath("$.items[0].requestId").isEqualTo("after-erasure")
                .jsonPath("$.items[0].state").isEqualTo("SKIPPED")
                .jsonPath("$.items[0].reasonCode").isEqualTo("customer-erased"));
        staff.post("/api/v1/templates/preview", Map.of("channel", "SMS", "text", "{{customer.lastName}}",
                "customerId", jana.id())).expectStatus().isNotFound();
        staff.get("/api/v1/preferences/{id}", jana.id()).expectStatus().isEqualTo(410);
        assertThat(Mailbox.to(jana.email())).isEmpty();
        Document contact = mongo.findOne(new Query(Criteria.where("_id").is(workspace + ":" + jana.id())), Document.class,
                "contacts");
        assertThat(contact).containsEntry("erased", true).doesNotContainKey("lastName").doesNotContainKey("email");
    }
}
