package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.kafka.EventsTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Triggers from events, conditions with their branches, and the exit rules, on real Kafka and a moved clock. */
@ServiceIT
class TriggersAndExitsIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ScenarioWorld world;

    @BeforeEach
    void world() {
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aNewCustomerIsWelcomedAtOnce() {
        world.owner.postJson("/api/v1/scenarios/ready-made/welcome", Map.of("channel", "EMAIL"));
        UUID customer = world.customer(false);
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        assertThat(world.commands().get(0).at("/data/templateKey").asString()).isEqualTo("welcome");
        assertThat(world.commands().get(0).at("/data/customerId").asString()).isEqualTo(customer.toString());
        assertThat(EventContracts.violations(world.commands().get(0).toString())).isEmpty();
    }

    @Test
    void aCompletedVisitIsThankedTwoHoursLater() {
        world.owner.postJson("/api/v1/scenarios/ready-made/thank-you-after-visit", Map.of());
        UUID customer = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        world.feed.reservation(world.workspace, customer, reservation, "COMPLETED", "COMPLETED",
                world.now().minus(Duration.ofHours(1)), world.now());
        assertThat(world.awaitPlanned(customer, 1).get(0).get("stepId").asString()).isEqualTo("thank-you");
        world.advance(Duration.ofHours(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        assertThat(world.commands().get(0).at("/data/category").asString()).isEqualTo("MARKETING");
        assertThat(world.commands().get(0).at("/data/variables/reservation/reservationId").asString())
                .isEqualTo(reservation.toString());
        assertThat(EventContracts.violations(world.commands().get(0).toString())).isEmpty();
    }

    @Test
    void aConditionTakesTheBranchTheCustomerMatches() {
        UUID scenario = world.scenario("""
                {"name": "Regulars", "trigger": "MANUAL", "entry": {"reEntry": "ALWAYS"}, "steps": [
                  {"id": "check", "type": "CONDITION", "if": {"field": "customer.status", "operator": "EQUALS",
                   "value": "REGULAR"}, "yes": "regular", "no": "newcomer"},
                  {"id": "regular", "type": "SEND", "message": {"templateKey": "regular", "channel": "SMS",
                   "category": "MARKETING"}, "next": "done"},
                  {"id": "newcomer", "type": "SEND", "message": {"templateKey": "newcomer", "channel": "SMS",
                   "category": "MARKETING"}},
                  {"id": "done", "type": "END"}]}""");
        UUID customer = world.customer(false);
        world.start(customer, scenario);
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        world.feed.statusChanged(world.workspace, customer, "REGULAR");
        world.awaitStatus(customer, "REGULAR");
        world.start(customer, scenario);
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 2);
        assertThat(world.commands()).extracting(command -> command.at("/data/templateKey").asString())
                .containsExactlyInAnyOrder("newcomer", "regular");
        assertThat(world.events("scenario.step-executed.v1")).extracting(e -> e.at("/data/outcome").asString())
                .contains("YES", "NO");
    }

    @Test
    void everyReservationChangeStartsItsOwnScenariosOncePerReservation() {
        for (String trigger : List.of("CREATED", "RESCHEDULED", "CANCELLED", "COMPLETED", "NO_SHOW")) {
            world.scenario("""
                    {"name": "On %1$s", "trigger": "RESERVATION_%1$s", "steps": [
                      {"id": "wait", "type": "WAIT", "duration": "P1D"},
                      {"id": "send", "type": "SEND", "message": {"templateKey": "x", "channel": "SMS",
                       "category": "TRANSACTIONAL"}}]}""".formatted(trigger));
        }
        UUID customer = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        java.time.Instant start = world.now().plus(Duration.ofDays(5));
        world.booked(customer, reservation, start);
        // delivered again under a new id (a partner's retry): once per reservation
        world.booked(customer, reservation, start);
        await().atMost(Duration.ofSeconds(60)).until(() -> world.enrollments(customer).size() == 1);
        world.feed.reservation(world.workspace, customer, reservation, "RESCHEDULED", "BOOKED",
                start.plus(Duration.ofDays(1)), world.now());
        world.feed.reservation(world.workspace, customer, reservation, "NO_SHOW", "NO_SHOW",
                start.plus(Duration.ofDays(1)), world.now());
        world.feed.reservation(world.workspace, customer, reservation, "COMPLETED", "COMPLETED",
                start.plus(Duration.ofDays(1)), world.now());
        world.feed.reservation(world.workspace, customer, reservation, "CANCELLED", "CANCELLED",
                start.plus(Duration.ofDays(1)), world.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> world.enrollments(customer).size() == 5);
        assertThat(world.enrollments(customer)).extracting(e -> e.get("scenarioName").asString())
                .containsExactlyInAnyOrder("On CREATED", "On RESCHEDULED", "On NO_SHOW", "On COMPLETED",
                        "On CANCELLED");
        assertThat(world.enrollments(customer)).allSatisfy(e -> assertThat(e.get("reservationId").asString())
                .isEqualTo(reservation.toString()));
    }

    @Test
    void reactivationWaitsFromTheLastVisitAndEachNewVisitStartsItAfresh() {
        world.owner.post("/api/v1/scenarios/ready-made/reactivation", Map.of("days", "60")).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("days");
        world.owner.postJson("/api/v1/scenarios/ready-made/reactivation", Map.of("days", 60));
        UUID customer = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        world.feed.reservation(world.workspace, customer, first, "COMPLETED", "COMPLETED",
                world.now().minus(Duration.ofHours(1)), world.now());
        java.time.Instant firstDue = java.time.Instant.parse(world.awaitPlanned(customer, 1).get(0).get("dueAt")
                .asString());
        assertThat(firstDue).isBetween(world.now().plus(Duration.ofDays(59)), world.now().plus(Duration.ofDays(60)));

        world.advance(Duration.ofDays(30));
        UUID second = UUID.randomUUID();
        world.feed.reservation(world.workspace, customer, second, "CREATED", "BOOKED",
                world.now().plus(Duration.ofDays(2)), world.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> world.enrollments(customer).isEmpty());
        world.feed.reservation(world.workspace, customer, second, "COMPLETED", "COMPLETED",
                world.now().plus(Duration.ofDays(2)), world.now());
        java.time.Instant secondDue = java.time.Instant.parse(world.awaitPlanned(customer, 1).get(0).get("dueAt")
                .asString());
        assertThat(secondDue).isAfter(firstDue.plus(Duration.ofDays(29)));
        assertThat(world.events("scenario.enrollment-ended.v1")).singleElement().satisfies(ended ->
                assertThat(ended.at("/data/reason").asString()).isEqualTo("NEXT_RESERVATION"));
        world.events("scenario.enrollment-ended.v1").forEach(event ->
                assertThat(EventContracts.violations(event.toString())).isEmpty());
        assertThat(world.commands()).isEmpty();
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndItsNeighboursAreApplied() {
        world.owner.postJson("/api/v1/scenarios/ready-made/reservation-reminder", Map.of());
        UUID customer = UUID.randomUUID();
        try (EventsTap deadLetters = new EventsTap(bootstrap, "customer.events.dlt")) {
            world.feed.raw(customer, EventContracts.sample("reservation.recorded.v1")
                    .replace("5e1f0000-0000-4000-8000-000000000001", world.workspace.toString())
                    .replace("\"startsAt\"", "\"beginsAt\""));
            world.booked(customer, UUID.randomUUID(), world.now().plus(Duration.ofDays(3)));
            world.awaitPlanned(customer, 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.of(world.workspace).isEmpty());
        }
    }

    @Test
    void aBlockedCustomerAndAnUnsubscribedOneLeaveTheScenariosThatSaySo() {
        UUID scenario = world.scenario("""
                {"name": "Win back", "trigger": "MANUAL", "exitWhen": ["CUSTOMER_BLOCKED"], "steps": [
                  {"id": "wait", "type": "WAIT", "duration": "P30D"},
                  {"id": "offer", "type": "SEND", "message": {"templateKey": "offer", "channel": "EMAIL",
                   "category": "MARKETING"}}]}""");
        UUID news = world.scenario("""
                {"name": "News", "trigger": "MANUAL", "exitWhen": ["UNSUBSCRIBED"], "steps": [
                  {"id": "wait", "type": "WAIT", "duration": "P30D"},
                  {"id": "news", "type": "SEND", "message": {"templateKey": "news", "channel": "EMAIL",
                   "category": "MARKETING"}}]}""");
        UUID blocked = world.customer(false);
        world.start(blocked, scenario);
        world.start(blocked, news);
        world.feed.statusChanged(world.workspace, blocked, "BLOCKED");
        await().atMost(Duration.ofSeconds(60)).until(() -> world.enrollments(blocked).size() == 1);
        assertThat(world.enrollments(blocked).get(0).get("scenarioName").asString()).isEqualTo("News");

        world.feed.unsubscribed(world.workspace, blocked);
        await().atMost(Duration.ofSeconds(60)).until(() -> world.enrollments(blocked).isEmpty());
        assertThat(world.events("scenario.enrollment-ended.v1")).extracting(e -> e.at("/data/reason").asString())
                .containsExactlyInAnyOrder("CUSTOMER_BLOCKED", "UNSUBSCRIBED");
        // an exit rule that already holds keeps the customer out
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", scenario.toString()), blocked)
                .expectStatus().isEqualTo(409);
    }
}
