package io.clientele.communication.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.clientele.testkit.http.Api;
import io.clientele.communication.Commands;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.Crashes;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.EventsTopic;
import io.clientele.communication.Mailbox;
import io.clientele.communication.TestProviders;
import io.clientele.platform.events.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * M-5: the same request id never sends twice, whether the command is delivered twice, the API is
 * called twice, or the process dies between the provider accepting a message and the outcome being
 * recorded (simulated: the real SMTP session or SMS call completes, then the sender "crashes").
 */
@CommunicationIT
class IdempotencyIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    Commands commands;
    EventsTopic events;
    CustomerEvents.Customer jana;

    @BeforeEach
    void workspaceWithACustomer() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        commands = new Commands(bootstrap, workspace);
        events = EventsTopic.communicationEvents(bootstrap);
        jana = aCustomer().withPhone("+420604" + String.format("%06d", (int) (Math.random() * 1_000_000)));
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
        commands.close();
        events.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> byRequest(String requestId) {
        Map<String, Object> page = staff.json("/api/v1/messages?customerId={c}", jana.id());
        return ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(m -> requestId.equals(m.get("requestId"))).findFirst().orElse(null);
    }

    @Test
    void aCommandDeliveredTwiceSendsOneMessage() {
        var command = commands.inline(jana.id(), "enr-1:step-1", "EMAIL", "TRANSACTIONAL", "Reminder", "See you");

        commands.publish(command);
        commands.publish(command);
        commands.publish(commands.inline(jana.id(), "enr-1:step-2", "EMAIL", "TRANSACTIONAL", "Marker", "Marker"));

        await().atMost(Duration.ofSeconds(30)).until(() -> byRequest("enr-1:step-2") != null
                && "SENT".equals(byRequest("enr-1:step-2").get("state")) && "SENT".equals(byRequest("enr-1:step-1").get("state")));
        assertThat(Mailbox.to(jana.email())).extracting(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).containsExactlyInAnyOrder("Reminder", "Marker");
        List<EventEnvelope> sent = events.awaitFor(jana.id(), 2, e -> e.type().equals("communication.message-sent.v1"))
                .stream().map(r -> io.clientele.platform.events.EventJson.read(r.value())).toList();
        assertThat(sent).extracting(e -> e.data().get("requestId").asString())
                .containsExactlyInAnyOrder("enr-1:step-1", "enr-1:step-2");
    }

    @Test
    void theApiAnswersARepeatedRequestWithTheStoredMessageAndARequestIdReusedForOtherContentWithAConflict() {
        Map<String, Object> request = Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Hi", "text", "Hello"), "requestId", "desk-7");

        String first = (String) staff.post("/api/v1/messages", request).expectStatus().isAccepted()
                .expectHeader().exists("Location").returnResult(Map.class).getResponseBody().get("id");
        staff.post("/api/v1/messages", request).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(first);
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Hi", "text", "Something else"), "requestId", "desk-7"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/request-id-reused");

        String keyed = (String) staff.with(org.springframework.http.HttpMethod.POST, "/api/v1/messages")
                .header("Idempotency-Key", "k-1").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                        "content", Map.of("subject", "Keyed", "text", "Hello")))
                .exchange().expectStatus().isAccepted().returnResult(Map.class).getResponseBody().get("id");
        staff.with(org.springframework.http.HttpMethod.POST, "/api/v1/messages")
                .header("Idempotency-Key", "k-1").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                        "content", Map.of("subject", "Keyed", "text", "Hello")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(keyed);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(jana.email()).size() >= 2);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(Mailbox.to(jana.email())).hasSize(2);
    }

    @Test
    void anEmailWhoseSenderDiedAfterTheSmtpServerAcceptedItIsNeverSentAgainAndSaysSo() {
        Crashes.afterNextSmtpSession();
        var command = commands.inline(jana.id(), "crash-email", "EMAIL", "TRANSACTIONAL", "Once only", "Exactly once");
        commands.publish(command);

        await().atMost(Duration.ofSeconds(30)).until(() -> byRequest("crash-email") != null
                && "FAILED".equals(byRequest("crash-email").get("state")));
        // The command is delivered again after the "restart": still nothing is sent a second time.
        commands.publish(command);
        commands.publish(commands.inline(jana.id(), "after-crash", "EMAIL", "TRANSACTIONAL", "After", "After"));
        await().atMost(Duration.ofSeconds(30)).until(() -> byRequest("after-crash") != null
                && "SENT".equals(byRequest("after-crash").get("state")));

        assertThat(Mailbox.to(jana.email()).stream().filter(m -> subject(m).equals("Once only"))).hasSize(1);
        String id = (String) byRequest("crash-email").get("id");
        staff.get("/api/v1/messages/{id}/why", id).expectBody()
                .jsonPath("$.reasonCode").isEqualTo("outcome-unknown")
                .jsonPath("$.answer").value(answer -> assertThat((String) answer).startsWith("Not delivered: the service "
                        + "stopped while the SMTP server may have had the message; it is not sent again"))
                .jsonPath("$.decisions[-2].outcome").isEqualTo("SEND");
        assertThat(events.awaitFor(jana.id(), 1, e -> e.type().equals("communication.message-failed.v1"))
                .getFirst().value()).contains("\"reasonCode\":\"outcome-unknown\"");
    }

    @Test
    void anSmsWhoseSenderDiedAfterTheProviderAcceptedItIsSentAgainUnderTheSameIdempotencyKey() {
        Crashes.afterNextSmsCall();
        commands.publish(commands.inline(jana.id(), "crash-sms", "SMS", "TRANSACTIONAL", null, "Exactly once"));

        await().atMost(Duration.ofSeconds(30)).until(() -> byRequest("crash-sms") != null
                && "SENT".equals(byRequest("crash-sms").get("state")));

        String id = (String) byRequest("crash-sms").get("id");
        List<LoggedRequest> calls = TestProviders.sms().findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(jana.phone()))));
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(id);
        staff.get("/api/v1/messages/{id}/why", id).expectBody()
                .jsonPath("$.decisions[?(@.outcome == 'RECOVERED')].reasonCode").isEqualTo(List.of("resend"));
        assertThat(Crashes.smsCrashArmed()).isFalse();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
