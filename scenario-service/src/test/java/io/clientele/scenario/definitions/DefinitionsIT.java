package io.clientele.scenario.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.scenario.ServiceIT;
import io.clientele.testkit.http.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** S-1 through the API: bad definitions named field by field, versions, pause, roles and workspace isolation. */
@ServiceIT
class DefinitionsIT {

    @LocalServerPort
    int port;

    final UUID workspace = UUID.randomUUID();

    static final String REMINDER = """
            {"name": "Reminder", "trigger": "RESERVATION_CREATED", "exitWhen": ["RESERVATION_CANCELLED"],
             "steps": [
               {"id": "wait", "type": "WAIT_UNTIL", "relativeToReservationStart": "-PT24H"},
               {"id": "remind", "type": "SEND", "message": {"templateKey": "reservation-reminder", "channel": "SMS",
                "category": "TRANSACTIONAL"}}
             ]}""";

    Api owner() {
        return Api.owner(port, workspace);
    }

    String problem(String definition) {
        return owner().raw(HttpMethod.POST, "/api/v1/scenarios", MediaType.APPLICATION_JSON, definition)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void anUnknownTriggerIsNamedWithTheChoices() {
        assertThat(problem(REMINDER.replace("RESERVATION_CREATED", "BIRTHDAY_PARTY")))
                .contains("\"field\":\"trigger\"", "BIRTHDAY_PARTY", "RESERVATION_RESCHEDULED");
    }

    @Test
    void aStepThatCanNeverRunIsRejected() {
        // nothing leads to "orphan": the END before it stops every path
        assertThat(problem("""
                {"name": "x", "trigger": "MANUAL", "steps": [
                  {"id": "stop", "type": "END"},
                  {"id": "orphan", "type": "SEND", "message": {"templateKey": "t", "channel": "SMS", "category": "MARKETING"}}
                ]}""")).contains("\"field\":\"steps[1]\"", "never-runs", "orphan");
        // a customer-created scenario has no reservation to wait for
        assertThat(problem(REMINDER.replace("RESERVATION_CREATED", "CUSTOMER_CREATED")
                .replace("\"exitWhen\": [\"RESERVATION_CANCELLED\"],", "")))
                .contains("\"field\":\"steps[0]\"", "never-runs");
    }

    @Test
    void aLoopIsRejected() {
        assertThat(problem("""
                {"name": "x", "trigger": "MANUAL", "steps": [
                  {"id": "a", "type": "WAIT", "duration": "P1D"},
                  {"id": "check", "type": "CONDITION", "if": {"field": "customer.status", "operator": "EQUALS",
                   "value": "REGULAR"}, "yes": "a", "no": "b"},
                  {"id": "b", "type": "END"}
                ]}""")).contains("\"code\":\"loop\"");
    }

    @Test
    void wrongTypesAndUnknownReferencesAreNamedNeverCoerced() {
        String body = problem("""
                {"name": 7, "trigger": "MANUAL", "steps": [
                  {"id": "a", "type": "WAIT", "duration": 3600, "next": "nowhere"},
                  {"id": "b", "type": "SEND", "message": {"templateKey": "t", "channel": "FAX", "category": "MARKETING"}}
                ]}""");
        assertThat(body).contains("\"field\":\"name\"", "\"field\":\"steps[0].duration\"", "\"field\":\"steps[0].next\"",
                "\"field\":\"steps[1].message.channel\"");
        assertThat(owner().get("/api/v1/scenarios").expectStatus().isOk().expectBody(List.class).returnResult()
                .getResponseBody()).as("nothing written").isEmpty();
    }

    @Test
    void anEditMakesANewVersionAndKeepsTheOld() {
        Map<String, Object> created = owner().postJson("/api/v1/scenarios", json(REMINDER));
        String id = (String) created.get("id");
        assertThat(created).containsEntry("version", 1).containsEntry("status", "ACTIVE");
        owner().raw(HttpMethod.PUT, "/api/v1/scenarios/" + id, MediaType.APPLICATION_JSON,
                REMINDER.replace("-PT24H", "-PT48H")).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2);
        assertThat(owner().get("/api/v1/scenarios/{id}/versions/1", id).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("-PT24H");
        owner().post("/api/v1/scenarios/{id}/pause", Map.of(), id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PAUSED");
    }

    @Test
    void staffReadButOnlyTheOwnerDefinesAndOtherWorkspacesSeeNothing() {
        String id = (String) owner().postJson("/api/v1/scenarios", json(REMINDER)).get("id");
        Api staff = Api.staff(port, workspace);
        staff.get("/api/v1/scenarios/{id}", id).expectStatus().isOk();
        staff.raw(HttpMethod.POST, "/api/v1/scenarios", MediaType.APPLICATION_JSON, REMINDER).expectStatus()
                .isForbidden();
        Api stranger = Api.owner(port, UUID.randomUUID());
        stranger.get("/api/v1/scenarios/{id}", id).expectStatus().isNotFound();
        stranger.raw(HttpMethod.PUT, "/api/v1/scenarios/" + id, MediaType.APPLICATION_JSON, REMINDER).expectStatus()
                .isNotFound();
        assertThat(stranger.get("/api/v1/scenarios").expectBody(List.class).returnResult().getResponseBody()).isEmpty();
    }

    @Test
    void aReadyMadeScenarioIsSwitchedOnOnce() {
        Map<String, Object> first = owner().postJson("/api/v1/scenarios/ready-made/reservation-reminder",
                Map.of("channel", "EMAIL"));
        Map<String, Object> again = owner().postJson("/api/v1/scenarios/ready-made/reservation-reminder", Map.of());
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(first.toString()).contains("EMAIL", "-PT24H", "-PT2H");
        owner().post("/api/v1/scenarios/ready-made/birthday-cake", Map.of()).expectStatus().isNotFound();
    }

    private static Object json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(text, Map.class);
    }
}
