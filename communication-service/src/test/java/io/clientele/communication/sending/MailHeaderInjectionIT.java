package io.clientele.communication.sending;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import io.clientele.testkit.http.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Issue 13, item 4: whatever becomes a mail header (a sender's name and address, a reply-to, a subject) is
 * refused with a line break or any other control character, before anything is stored; and the e-mail
 * channel refuses to send such a header whatever put it there.
 */
@CommunicationIT
class MailHeaderInjectionIT {

    static final String INJECTED = "Shop\r\nBcc: everyone@attacker.example";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;

    UUID workspace;
    Api owner;
    CustomerEvents customers;
    CustomerEvents.Customer jana;

    @BeforeEach
    void workspaceWithACustomer() {
        workspace = UUID.randomUUID();
        owner = Api.owner(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(Api.staff(port, workspace), jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
    }

    @Test
    void aSenderWithALineBreakIsRefusedNamingTheFieldAndNothingIsStored() {
        for (String field : List.of("emailName", "emailAddress", "replyTo")) {
            String value = field.equals("emailName") ? INJECTED : "shop@example.cz\nBcc: everyone@attacker.example";
            Map<String, Object> sender = new java.util.HashMap<>(Map.of("emailAddress", "shop@example.cz"));
            sender.put(field, value);
            refused(HttpMethod.PUT, "/api/v1/communication-settings", Map.of("sender", sender), "sender." + field);
        }
        refused(HttpMethod.PUT, "/api/v1/communication-settings",
                Map.of("sender", Map.of("emailName", "Shop\u0000\u0007")), "sender.emailName");

        assertThat(mongo.exists(new Query(Criteria.where("_id").is(workspace.toString())), "workspace_settings")).isFalse();
    }

    @Test
    void aSubjectWithALineBreakIsRefusedInTemplatesPreviewsAndOneOffsAndNothingIsStored() {
        refused(HttpMethod.POST, "/api/v1/templates", Map.of("key", "injected", "channel", "EMAIL", "language", "cs",
                "name", "Injected", "subject", "Hello\r\nBcc: everyone@attacker.example", "text", "Hi"), "subject");
        refused(HttpMethod.POST, "/api/v1/templates/preview", Map.of("channel", "EMAIL", "language", "cs",
                "subject", "Hello\u2028there", "text", "Hi"), "subject");
        refused(HttpMethod.POST, "/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "content", Map.of("subject", "Hello\nBcc: x@attacker.example", "text", "Hi")),
                "content.subject");

        assertThat(mongo.count(new Query(Criteria.where("workspaceId").is(workspace.toString())), "templates")
                + mongo.count(new Query(Criteria.where("workspaceId").is(workspace.toString())), "messages")).isZero();
    }

    @Test
    void theEmailChannelDoesNotSendAHeaderWithALineBreakStoredBeforeTheCheck() {
        owner.put("/api/v1/communication-settings", Map.of("sender", Map.of("emailAddress", "shop@example.cz",
                "emailName", "Shop"))).expectStatus().isOk();
        // As if written before requests were checked: straight into the store.
        mongo.updateFirst(new Query(Criteria.where("_id").is(workspace.toString())), new Update().set("emailName", INJECTED),
                "workspace_settings");

        String id = (String) Api.staff(port, workspace).postJson("/api/v1/messages", Map.of("customerId", jana.id(),
                "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Your reservation", "text", "Hi"))).get("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.staff(port, workspace)
                .get("/api/v1/messages/{id}", id).expectBody().jsonPath("$.state").isEqualTo("FAILED"));
        assertThat(Mailbox.to(jana.email())).isEmpty();
        assertThat(Mailbox.to("everyone@attacker.example")).isEmpty();
    }

    @Test
    void theEmailChannelDoesNotSendASubjectWithAControlCharacterStoredBeforeTheCheck() {
        String template = (String) owner.postJson("/api/v1/templates", Map.of("key", "stored-before", "channel", "EMAIL",
                "language", "cs", "name", "Stored before", "subject", "Your reservation", "text", "Hi")).get("id");
        // As if written before requests were checked: straight into the store. (Rendering already turns line
        // breaks in a subject into spaces; any other control character reaches the channel, which refuses it.)
        mongo.updateFirst(new Query(Criteria.where("_id").is(template)),
                new Update().set("subject", "Your reservation\u000b\u0000"), "templates");

        String id = (String) Api.staff(port, workspace).postJson("/api/v1/messages", Map.of("customerId", jana.id(),
                "channel", "EMAIL", "category", "TRANSACTIONAL", "templateKey", "stored-before")).get("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.staff(port, workspace)
                .get("/api/v1/messages/{id}", id).expectBody().jsonPath("$.state").isEqualTo("FAILED"));
        assertThat(Mailbox.to(jana.email())).isEmpty();
        assertThat(Mailbox.to("everyone@attacker.example")).isEmpty();
    }

    private void refused(HttpMethod method, String uri, Object body, String field) {
        owner.request(method, uri, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }
}
