package io.clientele.communication.sending;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import io.clientele.communication.TestProviders;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** M-5 and M-7 over real SMTP (GreenMail): what arrives, with which headers, what the log keeps, and outages. */
@CommunicationIT
class EmailDeliveryIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    ProviderResilience resilience;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    CustomerEvents.Customer jana;

    @BeforeEach
    void workspaceWithACustomer() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
        if (!TestProviders.mail().isRunning()) {
            TestProviders.mail().start();
        }
        resilience.breaker(ProviderResilience.EMAIL).reset();
    }

    String send(Map<String, Object> request) {
        return (String) staff.postJson("/api/v1/messages", request).get("id");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages/{id}", id).expectBody()
                .jsonPath("$.state").isEqualTo(state));
        return staff.json("/api/v1/messages/{id}", id);
    }

    @Test
    void aTransactionalEmailArrivesRenderedInTheRecipientsLanguageAndZoneWithoutListHeaders() throws Exception {
        staff.post("/api/v1/templates", Map.of("key", "reminder", "channel", "EMAIL", "language", "cs",
                "name", "Připomínka", "subject", "Připomínka: {{reservation.service}}",
                "text", "Dobrý den {{customer.firstName}}, těšíme se {{reservation.start}}.")).expectStatus().isCreated();
        staff.post("/api/v1/templates", Map.of("key", "reminder", "channel", "EMAIL", "language", "en",
                "name", "Reminder", "subject", "Reminder", "text", "Hello")).expectStatus().isCreated();

        String id = send(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "reminder",
                "variables", Map.of("reservation", Map.of("startsAt", "2026-11-29T13:00:00Z", "service", "Střih"))));

        MimeMessage mail = Mailbox.awaitAtLeast(jana.email(), 1).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Připomínka: Střih");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString()).isEqualTo("Dobrý den Jana, těšíme se 29. listopadu 2026 14:00.");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Clientele <no-reply@clientele.local>");
        assertThat(Mailbox.header(mail, "Message-ID")).isEqualTo("<" + id + "@communication.clientele>");
        assertThat(Mailbox.header(mail, "List-Unsubscribe")).isNull();
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isNull();
        Map<String, Object> logged = awaitState(id, "SENT");
        // the title is for staff: the template's name in the workspace's language (en by default)
        assertThat(logged).containsEntry("title", "Reminder").containsEntry("attempts", 1).containsEntry("provider", "smtp");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) logged.get("content");
        assertThat(content).containsEntry("to", jana.email()).containsEntry("subject", "Připomínka: Střih")
                .containsEntry("text", "Dobrý den Jana, těšíme se 29. listopadu 2026 14:00.").containsEntry("language", "cs");
    }

    @Test
    void aMarketingEmailCarriesItsPersonalUnsubscribeLinkAndTheOneClickHeaders() throws Exception {
        String id = send(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "MARKETING",
                "content", Map.of("subject", "Novinky pro {{customer.firstName}}", "text", "Sleva 10 %.",
                        "html", "<html><body><p>Sleva <b>10 %</b> pro {{customer.name}}</p></body></html>")));

        MimeMessage mail = Mailbox.awaitAtLeast(jana.email(), 1).getFirst();
        String listUnsubscribe = Mailbox.header(mail, "List-Unsubscribe");
        assertThat(listUnsubscribe).matches("<https://comm\\.example\\.test/u/u1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String link = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        String text = alternative.getBodyPart(0).getContent().toString();
        String html = alternative.getBodyPart(1).getContent().toString();
        assertThat(text).startsWith("Sleva 10 %.").contains("Unsubscribe: " + link);
        assertThat(html).contains("<p>Sleva <b>10 %</b> pro Jana Nováková</p>").contains("href=\"" + link + "\"")
                .endsWith("</body></html>");
        assertThat(mail.getSubject()).isEqualTo("Novinky pro Jana");

        Map<String, Object> logged = awaitState(id, "SENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) logged.get("content");
        assertThat(content.get("text")).isEqualTo(text.replace("\r\n", "\n"));
        assertThat(content.get("headers")).isEqualTo(Map.of("Message-ID", "<" + id + "@communication.clientele>",
                "X-Clientele-Message-Id", id, "X-Clientele-Category", "MARKETING", "Auto-Submitted", "auto-generated",
                "List-Unsubscribe", listUnsubscribe, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(logged).containsEntry("title", "Novinky pro {{customer.firstName}}");
    }

    @Test
    void whileTheSmtpServerIsDownTheEmailWaitsAndItArrivesOnceWhenTheServerIsBack() {
        TestProviders.mail().stop();
        String id = send(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Your booking", "text", "See you soon")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages/{id}/why", id).expectBody()
                .jsonPath("$.state").isEqualTo("DEFERRED")
                .jsonPath("$.reasonCode").isEqualTo("retry-scheduled")
                .jsonPath("$.decisions[-1].outcome").isEqualTo("RETRY"));
        TestProviders.mail().start();

        Map<String, Object> logged = awaitState(id, "SENT");
        assertThat(logged.get("attempts")).isEqualTo(2);
        assertThat(Mailbox.to(jana.email())).hasSize(1);
        staff.get("/api/v1/messages/{id}/why", id).expectBody()
                .jsonPath("$.answer").value(answer -> assertThat((String) answer).startsWith("Sent at ").endsWith("on attempt 2."))
                .jsonPath("$.decisions[1].outcome").isEqualTo("SEND")
                .jsonPath("$.decisions[2].detail").value(detail -> assertThat((String) detail).contains("could not be reached"));
    }

    @Test
    void theSmtpCircuitBreakerOpensOnFailuresHoldsMessagesAndClosesWhenTheServerAnswersAgain() {
        CircuitBreaker breaker = resilience.breaker(ProviderResilience.EMAIL);
        TestProviders.mail().stop();
        String id = send(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "Your booking", "text", "See you soon")));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        TestProviders.mail().start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages/{id}/why", id).expectBody()
                .jsonPath("$.decisions[?(@.reasonCode == 'circuit-open')]").exists());

        awaitState(id, "SENT");
        // half open lets two trial calls through; the second success closes it
        String next = send(Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "And another", "text", "See you soon")));
        awaitState(next, "SENT");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(Mailbox.to(jana.email())).hasSize(2);
    }
}
