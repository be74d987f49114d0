package io.clientele.communication;

import io.clientele.testkit.http.Api;
import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Two workspaces side by side: every endpoint, given the other workspace's ids, answers 404 as if they
 * did not exist and changes nothing; lists, counts and exports show nothing of the other workspace.
 */
@CommunicationIT
class WorkspaceIsolationIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    Api mine;
    Api myOwner;
    Api theirs;
    UUID theirWorkspace;
    CustomerEvents theirEvents;
    CustomerEvents.Customer theirCustomer;
    String theirTemplate;
    String theirMessage;

    @BeforeEach
    void twoWorkspaces() {
        UUID myWorkspace = UUID.randomUUID();
        theirWorkspace = UUID.randomUUID();
        mine = Api.staff(port, myWorkspace);
        myOwner = Api.owner(port, myWorkspace);
        theirs = Api.staff(port, theirWorkspace);
        theirEvents = new CustomerEvents(bootstrap, theirWorkspace);
        theirCustomer = aCustomer();
        theirEvents.created(theirCustomer, true, "STAFF");
        CustomerEvents.awaitKnown(theirs, theirCustomer.id());
        theirTemplate = (String) theirs.postJson("/api/v1/templates", Map.of("key", "theirs", "channel", "EMAIL",
                "language", "en", "name", "Theirs", "subject", "Theirs", "text", "Theirs")).get("id");
        theirMessage = (String) theirs.postJson("/api/v1/messages", Map.of("customerId", theirCustomer.id(),
                "channel", "EMAIL", "category", "TRANSACTIONAL", "templateKey", "theirs")).get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(theirs.json("/api/v1/messages/{id}", theirMessage)
                .get("state")));
    }

    @AfterEach
    void close() {
        theirEvents.close();
    }

    record Call(HttpMethod method, String uri, Object body) {
    }

    @Test
    void anotherWorkspacesIdsAreNotFoundByAnyEndpointAndNothingOfTheirsChanges() {
        UUID customer = theirCustomer.id();
        Map<String, Object> preferences = Map.of("subscriptionState", "UNSUBSCRIBED", "muted", true,
                "channels", Map.of("email", false, "sms", false, "push", false), "orderConfirmations", false);
        Map<String, Object> template = Map.of("key", "stolen", "channel", "EMAIL", "language", "en", "name", "x",
                "subject", "x", "text", "x");
        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/api/v1/preferences/" + customer, null),
                new Call(HttpMethod.PUT, "/api/v1/preferences/" + customer, preferences),
                new Call(HttpMethod.POST, "/api/v1/preferences/" + customer + "/subscribe", null),
                new Call(HttpMethod.POST, "/api/v1/preferences/" + customer + "/unsubscribe", null),
                new Call(HttpMethod.POST, "/api/v1/preferences/" + customer + "/mute", null),
                new Call(HttpMethod.POST, "/api/v1/preferences/" + customer + "/unmute", null),
                new Call(HttpMethod.GET, "/api/v1/preferences/" + customer + "/consents", null),
                new Call(HttpMethod.GET, "/api/v1/preferences/" + customer + "/consents/export", null),
                new Call(HttpMethod.GET, "/api/v1/templates/" + theirTemplate, null),
                new Call(HttpMethod.PUT, "/api/v1/templates/" + theirTemplate, template),
                new Call(HttpMethod.DELETE, "/api/v1/templates/" + theirTemplate, null),
                new Call(HttpMethod.POST, "/api/v1/templates/" + theirTemplate + "/preview", null),
                new Call(HttpMethod.POST, "/api/v1/templates/preview", Map.of("channel", "SMS", "text", "{{customer.name}}",
                        "customerId", customer)),
                new Call(HttpMethod.GET, "/api/v1/messages/" + theirMessage, null),
                new Call(HttpMethod.GET, "/api/v1/messages/" + theirMessage + "/why", null),
                new Call(HttpMethod.POST, "/api/v1/messages", Map.of("customerId", customer, "channel", "EMAIL",
                        "category", "TRANSACTIONAL", "content", Map.of("subject", "x", "text", "x"))));
        for (Call call : calls) {
            mine.request(call.method(), call.uri(), call.body()).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
        }

        mine.get("/api/v1/messages?customerId={c}", customer).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0);
        mine.get("/api/v1/messages/counts?customerId={c}", customer).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        mine.get("/api/v1/templates").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        String export = myOwner.get("/api/v1/consents/export").expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
        assertThat(export.lines()).hasSize(1);
        myOwner.put("/api/v1/communication-settings", Map.of("timeZone", "Europe/Sofia")).expectStatus().isOk();

        theirs.get("/api/v1/preferences/{id}", customer).expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.muted").isEqualTo(false)
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED");
        theirs.get("/api/v1/templates/{id}", theirTemplate).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        theirs.get("/api/v1/messages?customerId={c}", customer).expectBody().jsonPath("$.items.length()").isEqualTo(1);
        theirs.get("/api/v1/communication-settings").expectBody().jsonPath("$.timeZone").isEqualTo("Europe/Prague");
        assertThat(Mailbox.to(theirCustomer.email())).hasSize(1);
    }

    @Test
    void partnersAndTokensWithoutAStaffRoleCannotUseTheStaffApi() {
        Api partner = Api.withToken(port, io.clientele.testkit.tokens.TestTokens.partner(theirWorkspace));

        partner.get("/api/v1/preferences/{id}", theirCustomer.id()).expectStatus().isForbidden();
        partner.get("/api/v1/messages/{id}", theirMessage).expectStatus().isForbidden();
        partner.post("/api/v1/messages", Map.of("customerId", theirCustomer.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "templateKey", "theirs")).expectStatus().isForbidden();
        Api.anonymous(port).get("/api/v1/messages/{id}", theirMessage).expectStatus().isUnauthorized();
    }
}
