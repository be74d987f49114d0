package io.clientele.communication.sending;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.communication.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** M-5 over real SMTP (GreenMail): what arrives, with which headers, and what the log keeps of it. */
@CommunicationIT
class EmailDeliveryIT {

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
    void aOneOffTransactionalEmailArrivesWithItsRenderedContent() throws Exception {
        CustomerEvents.Customer jana = aCustomer();
        customers.created(jana, false, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
        staff.post("/api/v1/templates", Map.of("key", "reminder", "channel", "EMAIL", "language", "cs",
                "name", "Reminder", "subject", "Připomínka: {{reservation.service}}",
                "text", "Dobrý den {{customer.firstName}}, těšíme se {{reservation.start}}.")).expectStatus().isCreated();

        Map<String, Object> accepted = staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "templateKey", "reminder",
                "variables", Map.of("reservation", Map.of("startsAt", "2026-11-29T13:00:00Z", "service", "Střih"))));

        List<MimeMessage> received = Mailbox.awaitAtLeast(jana.email(), 1);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Připomínka: Střih");
        assertThat(mail.getContent().toString()).contains("Dobrý den Jana").contains("14:00");
        assertThat(Mailbox.header(mail, "List-Unsubscribe")).isNull();
        String id = (String) accepted.get("id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> staff.get("/api/v1/messages/{id}", id).expectBody()
                .jsonPath("$.state").isEqualTo("SENT")
                .jsonPath("$.content.subject").isEqualTo("Připomínka: Střih"));
    }
}
