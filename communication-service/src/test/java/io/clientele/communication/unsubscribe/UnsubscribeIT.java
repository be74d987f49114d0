package io.clientele.communication.unsubscribe;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import io.clientele.communication.TestProviders;
import java.net.URI;
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
import org.springframework.http.MediaType;

/** M-7: the link every marketing e-mail carries unsubscribes without login, by RFC 8058 one-click POST. */
@CommunicationIT
class UnsubscribeIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    Api anybody;
    CustomerEvents customers;
    CustomerEvents.Customer jana;

    @BeforeEach
    void aSubscribedCustomer() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        anybody = Api.anonymous(port);
        customers = new CustomerEvents(bootstrap, workspace);
        jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
    }

    /** The path of the link in the List-Unsubscribe header of the newest marketing e-mail Jana got. */
    String linkPathFromTheLatestMarketingEmail(int expected) {
        var mail = Mailbox.awaitAtLeast(jana.email(), expected).getLast();
        String header = Mailbox.header(mail, "List-Unsubscribe");
        return URI.create(header.substring(1, header.length() - 1)).getPath();
    }

    String marketing(String subject) {
        return (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "MARKETING", "content", Map.of("subject", subject, "text", "News"))).get("id");
    }

    @Test
    void oneClickUnsubscribesWithoutLoginAndTheConsentRecordSaysHow() {
        String id = marketing("November news");
        String link = linkPathFromTheLatestMarketingEmail(1);

        String page = anybody.get(link).expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .returnResult(String.class).getResponseBody();
        assertThat(page).contains("<form method=\"post\">").contains("List-Unsubscribe");
        staff.get("/api/v1/preferences/{id}", jana.id()).expectBody().jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED");

        anybody.raw(HttpMethod.POST, link, MediaType.APPLICATION_FORM_URLENCODED, "List-Unsubscribe=One-Click")
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("You are unsubscribed"));
        anybody.raw(HttpMethod.POST, link, MediaType.APPLICATION_FORM_URLENCODED, "List-Unsubscribe=One-Click")
                .expectStatus().isOk();

        staff.get("/api/v1/preferences/{id}", jana.id()).expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("UNSUBSCRIBED")
                .jsonPath("$.subscriptionSource").isEqualTo("UNSUBSCRIBE_LINK");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> record = staff.get("/api/v1/preferences/{id}/consents", jana.id()).expectStatus().isOk()
                .returnResult(List.class).getResponseBody();
        assertThat(record).hasSize(2);
        assertThat(record.getFirst()).containsEntry("source", "UNSUBSCRIBE_LINK").containsEntry("actor", "customer")
                .containsEntry("note", "Unsubscribe link of message " + id);
        assertThat(anybody.get(link).expectStatus().isOk().returnResult(String.class).getResponseBody())
                .contains("You are unsubscribed").doesNotContain("<form");
    }

    @Test
    void afterUnsubscribingMarketingIsSkippedAndTransactionalStillArrives() {
        marketing("First");
        anybody.raw(HttpMethod.POST, linkPathFromTheLatestMarketingEmail(1), MediaType.APPLICATION_FORM_URLENCODED,
                "List-Unsubscribe=One-Click").expectStatus().isOk();

        String skipped = marketing("Second");
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Your booking", "text", "Tomorrow"))).expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages/{id}", skipped)
                .expectBody().jsonPath("$.state").isEqualTo("SKIPPED").jsonPath("$.reasonCode").isEqualTo("unsubscribed"));
        Mailbox.awaitAtLeast(jana.email(), 2);
        assertThat(Mailbox.to(jana.email())).extracting(m -> Mailbox.header(m, "X-Clientele-Category"))
                .containsExactly("MARKETING", "TRANSACTIONAL");
        staff.get("/api/v1/messages/{id}/why", skipped).expectBody().jsonPath("$.answer").value(answer ->
                assertThat((String) answer).startsWith("Not sent: the customer is unsubscribed from marketing since ")
                        .endsWith("(UNSUBSCRIBE_LINK) (unsubscribed)."));
    }

    @Test
    void anAlteredOrForeignLinkAnswersAProblemAndChangesNothing() {
        marketing("News");
        String link = linkPathFromTheLatestMarketingEmail(1);
        String altered = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
        UnsubscribeLinks foreignIssuer = new UnsubscribeLinks(new UnsubscribeProperties(
                "somebody-elses-secret-of-32-bytes-or-more", List.of(), URI.create("https://other.example")));
        String foreign = URI.create(foreignIssuer.linkFor(new io.clientele.communication.CustomerRef(workspace, jana.id()),
                UUID.randomUUID())).getPath();

        for (String path : List.of(altered, foreign, "/u/not-a-token", "/u/" + "A".repeat(500))) {
            anybody.raw(HttpMethod.POST, path, MediaType.APPLICATION_FORM_URLENCODED, "List-Unsubscribe=One-Click")
                    .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/invalid-unsubscribe-link");
            anybody.get(path).expectStatus().isBadRequest();
        }
        staff.get("/api/v1/preferences/{id}", jana.id()).expectBody().jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED");
        assertThat(TestProviders.UNSUBSCRIBE_SECRET).isNotEqualTo("somebody-elses-secret-of-32-bytes-or-more");
    }
}
