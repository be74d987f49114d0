package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.http.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** S-1/S-3 rules through the staff API: start by hand and end, entry and re-entry, pause, versions, isolation. */
@ServiceIT
class EnrollmentRulesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ScenarioWorld world;

    static String manual(String reEntry, String template) {
        return """
                {"name": "Follow-up", "trigger": "MANUAL", "entry": {"reEntry": "%s"%s},
                 "steps": [
                   {"id": "wait", "type": "WAIT", "duration": "P1D"},
                   {"id": "follow-up", "type": "SEND", "message": {"templateKey": "%s", "channel": "EMAIL",
                    "category": "MARKETING"}}
                 ]}""".formatted(reEntry, reEntry.equals("AFTER_COOLDOWN") ? ", \"cooldown\": \"P7D\"" : "",
                template);
    }

    @BeforeEach
    void world() {
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void staffStartAScenarioByHandSeeItsPlannedStepAndEndIt() {
        UUID scenario = world.scenario(manual("ONCE", "follow-up"));
        UUID customer = world.customer(false);
        Instant now = world.now();

        Map<String, Object> started = world.start(customer, scenario);
        assertThat(started).containsEntry("status", "ACTIVE").containsEntry("scenarioName", "Follow-up");
        assertThat(world.planned(customer)).singleElement().satisfies(step -> {
            assertThat(step.get("stepId").asString()).isEqualTo("follow-up");
            assertThat(Instant.parse(step.get("dueAt").asString())).isBetween(now.plus(Duration.ofDays(1)),
                    world.now().plus(Duration.ofDays(1)));
            assertThat(step.get("channel").asString()).isEqualTo("EMAIL");
        });

        String id = (String) started.get("id");
        world.staff.get("/api/v1/enrollments/{id}", id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACTIVE").jsonPath("$.steps[0].stepId").isEqualTo("follow-up");
        Api.owner(port, UUID.randomUUID()).get("/api/v1/enrollments/{id}", id).expectStatus().isNotFound();
        Api.owner(port, UUID.randomUUID()).post("/api/v1/enrollments/{id}/end", Map.of(), id).expectStatus()
                .isNotFound();
        world.staff.post("/api/v1/enrollments/{id}/end", Map.of(), id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ENDED").jsonPath("$.endReason").isEqualTo("ENDED_BY_STAFF")
                .jsonPath("$.steps[0].status").isEqualTo("CANCELLED");
        assertThat(world.planned(customer)).isEmpty();
        world.staff.post("/api/v1/enrollments/{id}/end", Map.of(), id).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        await().atMost(Duration.ofSeconds(60)).until(() -> world.events("scenario.step-cancelled.v1").size() == 1);
        assertThat(world.events("scenario.enrollment-ended.v1").get(0).at("/data/reason").asString())
                .isEqualTo("ENDED_BY_STAFF");
    }

    @Test
    void reEntryOnceAlwaysAndAfterACooldown() {
        UUID customer = world.customer(false);
        UUID once = world.scenario(manual("ONCE", "a"));
        world.start(customer, once);
        refused(customer, once, "re-entry ONCE");

        UUID always = world.scenario(manual("ALWAYS", "b"));
        world.start(customer, always);
        world.start(customer, always);

        UUID cooldown = world.scenario(manual("AFTER_COOLDOWN", "c"));
        world.start(customer, cooldown);
        refused(customer, cooldown, "re-entry AFTER_COOLDOWN");
        world.advance(Duration.ofDays(8));
        assertThat(world.start(customer, cooldown)).containsEntry("status", "ACTIVE");
    }

    @Test
    void reservationScenariosRunOnlyForSyncedCustomersAboutOneOfTheirReservations() {
        UUID scenario = world.scenario("""
                {"name": "Before the visit", "trigger": "RESERVATION_CREATED", "steps": [
                  {"id": "wait", "type": "WAIT_UNTIL", "relativeToReservationStart": "-PT3H"},
                  {"id": "send", "type": "SEND", "message": {"templateKey": "x", "channel": "SMS",
                   "category": "TRANSACTIONAL"}}]}""");
        UUID byHand = world.customer(false);
        refused(byHand, scenario, "synced");

        UUID booked = world.customer(true);
        refused(booked, scenario, "name one of the customer's reservations");
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", UUID.randomUUID().toString()),
                booked).expectStatus().isNotFound();
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", scenario.toString(),
                "reservationId", UUID.randomUUID().toString()), booked).expectStatus().isNotFound();
    }

    @Test
    void aPausedScenarioStartsNothing() {
        UUID reminder = UUID.fromString((String) world.owner.postJson(
                "/api/v1/scenarios/ready-made/reservation-reminder", Map.of()).get("id"));
        world.owner.post("/api/v1/scenarios/{id}/pause", Map.of(), reminder).expectStatus().isOk();
        UUID customer = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        world.booked(customer, reservation, world.now().plus(Duration.ofDays(3)));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.known("reservation", reservation));
        assertThat(world.enrollments(customer)).isEmpty();
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", reminder.toString(),
                "reservationId", reservation.toString()), customer).expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).contains("paused"));

        world.owner.post("/api/v1/scenarios/{id}/activate", Map.of(), reminder).expectStatus().isOk();
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", reminder.toString(),
                "reservationId", reservation.toString()), customer).expectStatus().isCreated();
        assertThat(world.planned(customer)).hasSize(2);
    }

    @Test
    void anEditWhileEnrollmentsRunLeavesThemOnTheirVersion() {
        UUID scenario = world.scenario(manual("ALWAYS", "version-one"));
        UUID customer = world.customer(false);
        world.start(customer, scenario);
        world.owner.raw(HttpMethod.PUT, "/api/v1/scenarios/" + scenario, MediaType.APPLICATION_JSON,
                manual("ALWAYS", "version-two").replace("P1D", "P2D")).expectStatus().isOk();
        Map<String, Object> second = world.start(customer, scenario);
        assertThat(second).containsEntry("scenarioVersion", 2);

        world.advance(Duration.ofDays(1).plusMinutes(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        assertThat(world.commands().get(0).at("/data/templateKey").asString()).isEqualTo("version-one");
        world.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 2);
        assertThat(world.commands().get(1).at("/data/templateKey").asString()).isEqualTo("version-two");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        UUID customer = world.customer(false);
        world.staff.raw(HttpMethod.POST, "/api/v1/customers/" + customer + "/enrollments", MediaType.APPLICATION_JSON,
                "{\"scenarioId\": 42}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("scenarioId");
        world.staff.raw(HttpMethod.POST, "/api/v1/customers/" + customer + "/enrollments", MediaType.APPLICATION_JSON,
                "{\"scenarioId\": ").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", UUID.randomUUID().toString()),
                UUID.randomUUID()).expectStatus().isNotFound();
        assertThat(Api.staff(port, UUID.randomUUID()).get("/api/v1/customers/{c}/enrollments", customer)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).isEqualTo("[]");
    }

    private void refused(UUID customer, UUID scenario, String reason) {
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", scenario.toString()), customer)
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).contains(reason));
    }
}
