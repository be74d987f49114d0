package io.clientele.communication.templates;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.Mailbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** M-4 through the API: templates per channel and language, refused when they do not render, previews. */
@CommunicationIT
class TemplatesIT {

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

    static Map<String, Object> template(String key, String channel, String language) {
        Map<String, Object> template = new HashMap<>(Map.of("key", key, "channel", channel, "language", language,
                "name", "Reservation reminder", "text", "Hi {{customer.firstName}}, see you {{reservation.start}}."));
        if (channel.equals("EMAIL")) {
            template.put("subject", "Reminder: {{reservation.service}}");
        }
        return template;
    }

    @Test
    void templatesAreCreatedReadChangedWithTheirVersionAndDeleted() {
        Map<String, Object> created = staff.post("/api/v1/templates", template("reminder", "EMAIL", "en"))
                .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"1\"")
                .expectHeader().valueMatches("Location", "/api/v1/templates/[0-9a-f-]{36}")
                .returnResult(Map.class).getResponseBody();
        String id = (String) created.get("id");
        staff.post("/api/v1/templates", template("reminder", "SMS", "en")).expectStatus().isCreated();
        staff.post("/api/v1/templates", template("reminder", "EMAIL", "cs")).expectStatus().isCreated();

        staff.post("/api/v1/templates", template("reminder", "EMAIL", "en")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/duplicate-template");
        staff.get("/api/v1/templates?key=reminder").expectBody().jsonPath("$.length()").isEqualTo(3);
        staff.get("/api/v1/templates?channel=SMS").expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].subject").doesNotExist();

        Map<String, Object> changed = template("reminder", "EMAIL", "en");
        changed.put("text", "Changed {{customer.name}}");
        staff.with(HttpMethod.PUT, "/api/v1/templates/{id}", id).header("If-Match", "\"9\"")
                .contentType(MediaType.APPLICATION_JSON).body(changed).exchange().expectStatus().isEqualTo(412);
        staff.with(HttpMethod.PUT, "/api/v1/templates/{id}", id).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(changed).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"").expectBody().jsonPath("$.text").isEqualTo("Changed {{customer.name}}");
        staff.delete("/api/v1/templates/{id}", id).expectStatus().isNoContent();
        staff.get("/api/v1/templates/{id}", id).expectStatus().isNotFound();
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedWithTheEnginesMessageAndLine() {
        Map<String, Object> unclosed = template("broken", "EMAIL", "en");
        unclosed.put("text", "Hello\n{{#reservation}}\nno end");
        Map<String, Object> unknown = template("broken", "EMAIL", "en");
        unknown.put("subject", "Hi {{customer.nickname}}");

        staff.post("/api/v1/templates", unclosed).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/template-error")
                .jsonPath("$.errors[0].field").isEqualTo("text")
                .jsonPath("$.errors[0].code").isEqualTo("template")
                .jsonPath("$.errors[0].message").isEqualTo("line 2: Section missing close tag 'reservation'");
        staff.post("/api/v1/templates", unknown).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("subject")
                .jsonPath("$.errors[0].message").isEqualTo("line 1: no value for {{customer.nickname}}");
        Map<String, Object> smsWithSubject = template("sms", "SMS", "en");
        smsWithSubject.put("subject", "SMS have none");
        staff.post("/api/v1/templates", smsWithSubject).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("subject");
        staff.get("/api/v1/templates?key=broken").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void aPreviewShowsSampleDataOrARealCustomerAndGivenValues() {
        String id = (String) staff.postJson("/api/v1/templates", template("reminder", "SMS", "cs")).get("id");
        CustomerEvents.Customer petr = aCustomer().withName("Petr", "Dvořák");
        customers.created(petr, false, "STAFF");
        CustomerEvents.awaitKnown(staff, petr.id());

        staff.post("/api/v1/templates/{id}/preview", null, id).expectStatus().isOk().expectBody()
                .jsonPath("$.text").value(text -> assertThat((String) text).startsWith("Hi Jana, see you "))
                .jsonPath("$.sampleCustomer").isEqualTo(true)
                .jsonPath("$.sms.encoding").isEqualTo("GSM-7").jsonPath("$.sms.parts").isEqualTo(1);
        staff.post("/api/v1/templates/{id}/preview", Map.of("customerId", petr.id(), "variables",
                Map.of("reservation", Map.of("startsAt", "2026-12-24T09:30:00Z"))), id).expectStatus().isOk().expectBody()
                .jsonPath("$.text").isEqualTo("Hi Petr, see you 24. prosince 2026 10:30.")
                .jsonPath("$.sampleCustomer").isEqualTo(false);
        staff.post("/api/v1/templates/preview", Map.of("channel", "EMAIL", "subject", "Order {{custom.number}}",
                "text", "{{orderLink}}", "html", "<a href=\"{{orderLink}}\">{{customer.name}}</a>")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.subject").isEqualTo("Order [number]")
                .jsonPath("$.html").isEqualTo("<a href=\"https://example.com/q/sample-order-link\">Jana Nováková</a>");
        staff.post("/api/v1/templates/{id}/preview", Map.of("customerId", UUID.randomUUID()), id).expectStatus().isNotFound();
        staff.post("/api/v1/templates/preview", Map.of("channel", "SMS", "text", "{{#x}}")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/template-error");
    }

    @Test
    void aMessageUsesTheTemplateInTheCustomersLanguageElseTheWorkspacesAndFailsClearlyWithoutOne() {
        staff.post("/api/v1/templates", template("spring-news", "EMAIL", "en")).expectStatus().isCreated();
        Map<String, Object> bulgarian = template("spring-news", "EMAIL", "bg");
        bulgarian.put("subject", "Напомняне");
        bulgarian.put("text", "Здравейте, {{customer.firstName}}");
        staff.post("/api/v1/templates", bulgarian).expectStatus().isCreated();
        CustomerEvents.Customer ivana = aCustomer().withName("Ivana", "Petrova").withLanguage("bg");
        CustomerEvents.Customer jana = aCustomer(); // cs: no Czech template, the workspace's (en) is used
        customers.created(ivana, false, "STAFF");
        customers.created(jana, false, "STAFF");
        CustomerEvents.awaitKnown(staff, ivana.id());
        CustomerEvents.awaitKnown(staff, jana.id());

        for (UUID customer : new UUID[] {ivana.id(), jana.id()}) {
            staff.post("/api/v1/messages", Map.of("customerId", customer, "channel", "EMAIL", "category", "TRANSACTIONAL",
                    "templateKey", "spring-news", "variables", Map.of("reservation", Map.of("startsAt", "2026-12-01T10:00:00Z"))))
                    .expectStatus().isAccepted();
        }
        staff.post("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "SMS", "category", "TRANSACTIONAL",
                "templateKey", "spring-news")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("templateKey");

        assertThat(subject(Mailbox.awaitAtLeast(ivana.email(), 1).getFirst())).isEqualTo("Напомняне");
        assertThat(subject(Mailbox.awaitAtLeast(jana.email(), 1).getFirst())).isEqualTo("Reminder:");
    }

    @Test
    void aTemplateRemovedAfterTheRequestFailsTheMessageWithTemplateMissing() {
        String id = (String) staff.postJson("/api/v1/templates", template("gone", "EMAIL", "en")).get("id");
        CustomerEvents.Customer jana = aCustomer();
        customers.created(jana, false, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
        String later = java.time.Instant.now().plusSeconds(2).toString();
        String message = (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "templateKey", "gone", "notBefore", later)).get("id");
        staff.delete("/api/v1/templates/{id}", id).expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages/{id}/why", message)
                .expectBody().jsonPath("$.state").isEqualTo("FAILED").jsonPath("$.reasonCode").isEqualTo("template-missing")
                .jsonPath("$.answer").value(answer -> assertThat((String) answer)
                        .isEqualTo("Not delivered: no EMAIL template 'gone' in cs, en (template-missing).")));
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
