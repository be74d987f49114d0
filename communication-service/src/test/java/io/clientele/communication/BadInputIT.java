package io.clientele.communication;

import io.clientele.testkit.http.Api;
import static io.clientele.communication.CustomerEvents.aCustomer;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** every bad input answers an RFC 9457 problem naming the field; none ends in a 500. */
@CommunicationIT
class BadInputIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    Api staff;
    CustomerEvents customers;
    CustomerEvents.Customer jana;

    @BeforeEach
    void aCustomer_() {
        UUID workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void close() {
        customers.close();
    }

    void problem(HttpMethod method, String uri, Object body, String field) {
        var spec = staff.request(method, uri, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
        if (field != null) {
            spec.jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
    }

    @Test
    void aOneOffMessageIsCheckedFieldByField() {
        String messages = "/api/v1/messages";
        problem(HttpMethod.POST, messages, Map.of("channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x"), "customerId");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "PIGEON", "category", "TRANSACTIONAL",
                "templateKey", "x"), "channel");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL"),
                "templateKey");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x", "content", Map.of("subject", "a", "text", "b")), "templateKey");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("text", "no subject")), "content.subject");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "SMS", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "x", "text", "b")), "content.subject");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", "x", "text", "{{#open}}")), "content.text");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "Not A Key"), "templateKey");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x", "notBefore", "tomorrow"), "notBefore");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x", "variables", Map.of("orderLink", "ftp://x")), "variables.orderLink");
        problem(HttpMethod.POST, messages, Map.of("customerId", jana.id(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x", "colour", "red"), "colour");
        problem(HttpMethod.POST, messages, Map.of("customerId", "jana", "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x"), "customerId");
        staff.raw(HttpMethod.POST, messages, MediaType.APPLICATION_JSON, "{ not json").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/malformed-request");
        staff.post(messages, Map.of("customerId", UUID.randomUUID(), "channel", "EMAIL", "category", "TRANSACTIONAL",
                "templateKey", "x")).expectStatus().isNotFound();
    }

    @Test
    void preferencesTemplatesSettingsAndListsRefuseBadInput() {
        String preferences = "/api/v1/preferences/" + jana.id();
        problem(HttpMethod.PUT, preferences, Map.of("subscriptionState", "MAYBE", "muted", false,
                "channels", Map.of("email", true, "sms", true, "push", true), "orderConfirmations", true), "subscriptionState");
        problem(HttpMethod.PUT, preferences, Map.of("subscriptionState", "SUBSCRIBED", "muted", false,
                "orderConfirmations", true), "channels");
        problem(HttpMethod.PUT, preferences, Map.of("subscriptionState", "SUBSCRIBED", "muted", false,
                "channels", Map.of("email", true, "sms", true, "push", true), "orderConfirmations", true,
                "language", "not a language"), "language");
        staff.with(HttpMethod.PUT, preferences).header("If-Match", "yesterday").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subscriptionState", "SUBSCRIBED", "muted", false, "channels", Map.of("email", true, "sms", true,
                        "push", true), "orderConfirmations", true)).exchange().expectStatus().isBadRequest();
        problem(HttpMethod.POST, preferences + "/mute", Map.of("note", "x".repeat(501)), "note");
        problem(HttpMethod.GET, "/api/v1/preferences/not-a-uuid", null, "customerId");
        problem(HttpMethod.POST, "/api/v1/templates", Map.of("key", "ok", "channel", "EMAIL", "language", "en",
                "name", "", "subject", "x", "text", "x"), "name");
        problem(HttpMethod.POST, "/api/v1/templates", Map.of("key", "ok", "channel", "EMAIL", "language", "en",
                "name", "x", "text", "x"), "subject");
        problem(HttpMethod.POST, "/api/v1/templates/preview", Map.of("channel", "SMS", "text", "x",
                "variables", Map.of("custom", Map.of("not valid!", "x"))), null);
        problem(HttpMethod.GET, "/api/v1/messages?customerId=" + jana.id() + "&limit=0", null, "limit");
        problem(HttpMethod.GET, "/api/v1/messages?customerId=" + jana.id() + "&cursor=bm90LW91cnM", null, "cursor");
        problem(HttpMethod.GET, "/api/v1/messages?customerId=" + jana.id() + "&state=LOST", null, "state");
        problem(HttpMethod.GET, "/api/v1/messages", null, null);
        problem(HttpMethod.GET, "/api/v1/messages/123/why", null, "id");
    }
}
