package io.clientele.communication.templates;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import io.clientele.testkit.http.Api;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The texts Clientele ships: a workspace that never wrote a template still sends reminders and order
 * confirmations in the customer's language, and its own template for a key and channel replaces them.
 */
@CommunicationIT
class BuiltInTemplatesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEvents customers;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
    }

    @AfterEach
    void close() {
        customers.close();
    }

    @Test
    void aWorkspaceWithoutTemplatesSendsTheBuiltInTextsInTheCustomersLanguage() throws Exception {
        CustomerEvents.Customer jana = aCustomer(); // Czech
        CustomerEvents.Customer ivana = aCustomer().withName("Ivana", "Petrova").withLanguage("bg");
        customers.created(jana, false, "STAFF");
        customers.created(ivana, false, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
        CustomerEvents.awaitKnown(staff, ivana.id());

        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "reservation-reminder", "variables", Map.of("reservation", Map.of(
                        "startsAt", "2026-12-01T10:00:00Z", "service", "Střih", "location", "Salon Lilie, Brno"))))
                .expectStatus().isAccepted();
        staff.post("/api/v1/messages", Map.of("customerId", ivana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "order-confirmation", "variables", Map.of("custom", Map.of(
                        "orderNumber", "17", "orderTotal", "1250.00", "orderCurrency", "BGN"))))
                .expectStatus().isAccepted();

        MimeMessage reminder = Mailbox.awaitAtLeast(jana.email(), 1).getFirst();
        assertThat(reminder.getSubject()).isEqualTo("Připomínka Vaší rezervace 1. prosince 2026");
        assertThat(text(reminder)).contains("připomínáme Vaši rezervaci – Střih:", "úterý 1. prosince 2026 11:00",
                "Salon Lilie, Brno");
        MimeMessage confirmation = Mailbox.awaitAtLeast(ivana.email(), 1).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Поръчка № 17 е приета");
        assertThat(text(confirmation)).contains("поръчка № 17 на обща стойност 1250.00 BGN");
    }

    @Test
    void theWorkspacesOwnTemplateForAKeyAndChannelReplacesTheBuiltInOnesInEveryLanguage() throws Exception {
        Map<String, Object> own = TemplatesIT.template("thank-you", "EMAIL", "en");
        own.put("subject", "Thanks from Lilie");
        staff.post("/api/v1/templates", own).expectStatus().isCreated();
        CustomerEvents.Customer jana = aCustomer(); // Czech: the built-in Czech text exists, the workspace's own wins
        customers.created(jana, false, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());

        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "thank-you", "variables", Map.of("reservation", Map.of("startsAt", "2026-12-01T10:00:00Z"))))
                .expectStatus().isAccepted();
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "SMS", "category", "TRANSACTIONAL",
                "templateKey", "thank-you")).expectStatus().isAccepted();

        assertThat(Mailbox.awaitAtLeast(jana.email(), 1).getFirst().getSubject()).isEqualTo("Thanks from Lilie");
    }

    @Test
    void theBuiltInTextsAreListedForStaffToAdapt() {
        List<Map<String, Object>> shipped = staff.get("/api/v1/templates/built-in").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();

        assertThat(shipped).hasSize(44);
        assertThat(shipped).filteredOn(t -> t.get("key").equals("order-confirmation"))
                .extracting(t -> t.get("language")).containsExactly("bg", "cs", "en", "sk");
        assertThat(shipped).allSatisfy(t -> assertThat((String) t.get("text")).contains("{{sender.name}}"));
    }

    private static String text(MimeMessage message) throws IOException, MessagingException {
        Object content = message.getContent();
        if (content instanceof String plain) {
            return plain;
        }
        var multipart = (jakarta.mail.Multipart) content;
        return String.valueOf(multipart.getBodyPart(0).getContent());
    }
}
