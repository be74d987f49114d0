package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;

/**
 * S-2..S-5 end to end, on real PostgreSQL and Kafka with the clock moved by the test: a booking event as
 * customer-service publishes it becomes planned reminders, whose timers send commands that honour the contract;
 * a reschedule moves them, a cancellation removes them, a reminder already past is skipped, never sent late.
 */
@ServiceIT
class RemindersIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StepRunner runner;
    @Autowired
    OutboxRelay relay;

    ScenarioWorld world;

    @BeforeEach
    void world() {
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
        world.owner.postJson("/api/v1/scenarios/ready-made/reservation-reminder", Map.of("channel", "SMS"));
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aBookingBecomesTwoRemindersSentOnTimeAsCommandsHonouringTheContract() {
        UUID customer = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        Instant startsAt = world.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        world.booked(customer, reservation, startsAt);

        List<JsonNode> planned = world.awaitPlanned(customer, 2);
        assertThat(planned).extracting(step -> step.get("stepId").asString()).containsExactly("reminder-24h",
                "reminder-2h");
        assertThat(Instant.parse(planned.get(0).get("dueAt").asString())).isEqualTo(startsAt.minus(Duration.ofHours(24)));
        assertThat(planned.get(0).get("channel").asString()).isEqualTo("SMS");

        world.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        JsonNode command = world.commands().get(0);
        assertThat(EventContracts.violations(command.toString())).isEmpty();
        UUID enrollment = UUID.fromString(world.enrollments(customer).get(0).get("id").asString());
        assertThat(command.at("/data/requestId").asString()).isEqualTo("scenario:" + enrollment + ":reminder-24h");
        assertThat(command.at("/data/variables/reservation/reservationId").asString()).isEqualTo(reservation.toString());
        assertThat(command.at("/data/category").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(world.planned(customer)).hasSize(1);

        world.advance(Duration.ofHours(23));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> world.enrollments(customer).isEmpty());
        assertThat(world.events("scenario.enrollment-ended.v1")).singleElement()
                .satisfies(ended -> assertThat(ended.at("/data/reason").asString()).isEqualTo("COMPLETED"));
        for (String type : EventContracts.topics().get("scenario.events")) {
            world.events(type).forEach(event -> assertThat(EventContracts.violations(event.toString()))
                    .as(type).isEmpty());
        }
        assertThat(world.events("scenario.step-scheduled.v1")).hasSize(2);
        assertThat(world.events("scenario.step-executed.v1")).hasSize(2);
    }

    @Test
    void aDueStepRunTwiceSendsOnce() {
        UUID customer = UUID.randomUUID();
        world.booked(customer, UUID.randomUUID(), world.now().plus(Duration.ofDays(2)));
        world.awaitPlanned(customer, 2);
        UUID step = jdbc.queryForObject("""
                SELECT s.id FROM planned_step s JOIN enrollment e ON e.id = s.enrollment_id
                 WHERE e.workspace_id = ? AND s.step_id = 'reminder-24h'""", UUID.class, world.workspace);
        world.advance(Duration.ofDays(1).plusMinutes(1));

        // the relay holds what is committed, so the outbox shows every command the runs produced
        relay.stop();
        try {
            runner.run(step);
            runner.run(step);
            await().atMost(Duration.ofSeconds(60)).until(() -> stepsRequested() == 1);
            assertThat(sendCommandsInTheOutbox()).isEqualTo(1);
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !world.commands().isEmpty());
        assertThat(world.commands()).hasSize(1);
    }

    @Test
    void aRescheduleMovesTheRemindersAndACancellationRemovesThem() {
        UUID customer = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        Instant startsAt = world.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        world.booked(customer, reservation, startsAt);
        world.awaitPlanned(customer, 2);

        Instant later = startsAt.plus(Duration.ofDays(2));
        world.feed.reservation(world.workspace, customer, reservation, "RESCHEDULED", "BOOKED", later, world.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.parse(world.planned(customer).get(0).get("dueAt")
                .asString()).equals(later.minus(Duration.ofHours(24))));
        // the old time passes: its timer fires and finds the step due later
        world.advance(Duration.ofDays(2).plusMinutes(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> timersDueBy(world.now()) == 0);
        assertThat(stepsRequested()).isZero();

        world.feed.reservation(world.workspace, customer, reservation, "CANCELLED", "CANCELLED", later, world.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> world.planned(customer).isEmpty());
        assertThat(world.events("scenario.step-cancelled.v1")).hasSize(2).allSatisfy(cancelled ->
                assertThat(cancelled.at("/data/reason").asString()).isEqualTo("RESERVATION_CANCELLED"));
        assertThat(world.enrollments(customer)).isEmpty();
        world.advance(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(60)).until(() -> timersDueBy(world.now()) == 0);
        assertThat(stepsRequested()).isZero();
    }

    /** The workspace's timers due by then that have not fired yet. */
    private int timersDueBy(Instant then) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM scheduled_tasks t JOIN planned_step s ON t.task_instance LIKE s.id || '@%'
                 WHERE s.workspace_id = ? AND t.execution_time <= ?""", Integer.class, world.workspace,
                java.sql.Timestamp.from(then));
    }

    /** Steps that asked for a message: the command commits with this mark, so none means none was sent. */
    private int stepsRequested() {
        return jdbc.queryForObject("SELECT count(*) FROM planned_step WHERE workspace_id = ? AND outcome = 'REQUESTED'",
                Integer.class, world.workspace);
    }

    private int sendCommandsInTheOutbox() {
        return jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event WHERE event_type = ?"
                + " AND payload::jsonb ->> 'workspaceid' = ?", Integer.class, "communication.send-requested.v1",
                world.workspace.toString());
    }

    @Test
    void aReminderWhoseTimeHasPassedWhenPlannedIsSkippedNotSentLate() {
        UUID customer = UUID.randomUUID();
        world.booked(customer, UUID.randomUUID(), world.now().plus(Duration.ofHours(5)));
        List<JsonNode> planned = world.awaitPlanned(customer, 1);
        assertThat(planned.get(0).get("stepId").asString()).isEqualTo("reminder-2h");
        JsonNode steps = world.enrollments(customer).get(0).get("steps");
        assertThat(steps.get(0).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(steps.get(0).get("outcome").asString()).contains("already past when it was planned");
        await().atMost(Duration.ofSeconds(30)).until(() -> world.events("scenario.step-executed.v1").size() == 1);
        assertThat(world.events("scenario.step-executed.v1").get(0).at("/data/outcome").asString())
                .isEqualTo("SKIPPED");
    }
}
