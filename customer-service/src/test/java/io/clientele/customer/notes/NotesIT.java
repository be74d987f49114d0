package io.clientele.customer.notes;

import static io.clientele.customer.CustomerMother.aCustomer;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustomerServiceIT
class NotesIT {

    @LocalServerPort
    int port;

    Api staff;
    UUID customer;

    @BeforeEach
    void aCustomerOfAWorkspace() {
        staff = Api.staff(port, UUID.randomUUID());
        customer = staff.create(aCustomer());
    }

    @Test
    void notesAreListedByPriorityThenNewestFirst() {
        add("first, no priority", null);
        add("medium", "MEDIUM");
        add("urgent", "HIGH");
        add("second, no priority", "NONE");
        add("more urgent, later", "HIGH");

        staff.get("/api/v1/customers/{id}/notes", customer).expectStatus().isOk().expectBody()
                .jsonPath("$[*].text").isEqualTo(java.util.List.of("more urgent, later", "urgent", "medium",
                        "second, no priority", "first, no priority"));
    }

    @Test
    void theListShowsAPreviewOfTheLatestNote() {
        add("older note", "HIGH");
        UUID latest = add("  the   newest\nnote ", null);

        staff.get("/api/v1/customers?q={q}", staff.json("/api/v1/customers/{id}", customer).get("email"))
                .expectBody().jsonPath("$.items[0].lastNotePreview").isEqualTo("the newest note");

        staff.delete("/api/v1/customers/{id}/notes/{note}", customer, latest).expectStatus().isNoContent();
        staff.get("/api/v1/customers/{id}", customer).expectBody().jsonPath("$.lastNotePreview").isEqualTo("older note");
    }

    @Test
    void aNoteCanBeEditedAndItsPriorityChanged() {
        UUID note = add("call back", null);

        staff.put("/api/v1/customers/{id}/notes/{note}", Map.of("text", "call back on Monday", "priority", "HIGH"),
                customer, note).expectStatus().isOk().expectBody()
                .jsonPath("$.text").isEqualTo("call back on Monday")
                .jsonPath("$.priority").isEqualTo("HIGH")
                .jsonPath("$.version").isEqualTo(1);
        staff.get("/api/v1/customers/{id}", customer).expectBody()
                .jsonPath("$.lastNotePreview").isEqualTo("call back on Monday");
    }

    @Test
    void addingANoteDoesNotInvalidateAConcurrentEditOfTheCustomer() {
        String etag = staff.get("/api/v1/customers/{id}", customer).returnResult().getResponseHeaders().getETag();

        add("written while someone else edits the record", null);

        staff.putIfMatch("/api/v1/customers/{id}", etag, aCustomer(), customer).expectStatus().isOk();
    }

    @Test
    void anEmptyNoteIsRefused() {
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "   "), customer).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
    }

    @Test
    void aNoteOfAnotherCustomerIsNotFoundUnderThisOne() {
        UUID note = add("private", null);
        UUID other = staff.create(aCustomer());

        staff.put("/api/v1/customers/{id}/notes/{note}", Map.of("text", "x"), other, note).expectStatus().isNotFound();
        staff.delete("/api/v1/customers/{id}/notes/{note}", other, note).expectStatus().isNotFound();
    }

    private UUID add(String text, String priority) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("text", text);
        if (priority != null) {
            body.put("priority", priority);
        }
        Map<?, ?> note = staff.post("/api/v1/customers/{id}/notes", body, customer).expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
        return UUID.fromString((String) note.get("id"));
    }
}
