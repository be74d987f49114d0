package io.clientele.scenario.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.infra.Infrastructure;
import io.clientele.testkit.kafka.EventsTap;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-5 exactly once across processes: two instances of scenario-service, each its own JVM, on one database and one
 * broker; a few thousand steps are due at once (in the past, so no timer is waited for), and while both run them
 * one instance is killed with SIGKILL. The other takes over the timers the dead one had picked once its heartbeat
 * is old. Every step is then done exactly once: DONE in the database, and its send command and its step-executed
 * event on Kafka from one execution each (one CloudEvent id per request id).
 * <p>
 * Kafka itself is at least once: the outbox relay of the killed instance may have had a record acknowledged and
 * died before marking it sent; the survivor sends that same event (same id) again, and consumers drop it by its
 * id (and communication-service by the request id). So the test counts executions by distinct event ids, and
 * reports the redelivered copies.
 */
class KilledInstanceIT {

    static final int STEPS = 2000;
    static final String STEP = "send";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyDueStepRunsExactlyOnceWhenOneOfTwoInstancesIsKilledMidway() throws Exception {
        Infrastructure.Postgres server = Infrastructure.postgres();
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        // polled often, and a dead instance's timers are taken over after 4 missed beats of a second (db-scheduler's least)
        Map<String, String> quick = Map.of("CLIENTELE_SCENARIO_TIMERS_POLLING_INTERVAL", "PT0.2S",
                "CLIENTELE_SCENARIO_TIMERS_HEARTBEAT_INTERVAL", "PT1S",
                "CLIENTELE_SCENARIO_TIMERS_MISSED_HEARTBEATS", "4");
        String[] jvm = {"-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};
        UUID workspace = UUID.randomUUID();
        String name = "scenario_killed_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (ScratchDatabase database = ScratchDatabase.create(server.jdbcUrl(), server.username(), server.password(),
                name);
                ServiceProcess killed = ScenarioInstance.start("killed", database, bootstrap, Path.of("target"), quick,
                        jvm);
                ServiceProcess survivor = ScenarioInstance.start("survivor", database, bootstrap, Path.of("target"),
                        quick, jvm)) {
            killed.awaitReady(Duration.ofSeconds(120));
            survivor.awaitReady(Duration.ofSeconds(120));
            JdbcTemplate jdbc = database.jdbc();
            UUID scenario = scenario(killed.port(), workspace);
            List<UUID> enrollments = DueSteps.seed(jdbc, workspace, scenario, STEP, STEPS,
                    Instant.now().minusSeconds(60), Duration.ofSeconds(30));
            assertThat(enrollments).hasSize(STEPS);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> done(jdbc, workspace) >= STEPS / 4);
            long ranByTheKilled = ScenarioInstance.sendsExecuted(killed);
            int heldByTheKilled = jdbc.queryForObject(
                    "SELECT count(*) FROM scheduled_tasks WHERE picked AND picked_by = 'killed'", Integer.class);
            assertThat(killed.kill()).as("ended by SIGKILL: exit value 128 + 9").isEqualTo(137);
            int doneAtTheKill = done(jdbc, workspace);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> done(jdbc, workspace) == STEPS && timers(jdbc) == 0);
            Set<String> expected = enrollments.stream().map(enrollment -> DueSteps.requestId(enrollment, STEP))
                    .collect(Collectors.toSet());
            try (EventsTap tap = new EventsTap(bootstrap, "communication.commands", "scenario.events")) {
                Map<String, Set<String>> commands = new HashMap<>();
                Map<String, Set<String>> executed = new HashMap<>();
                int[] records = new int[1];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    commands.clear();
                    executed.clear();
                    List<JsonNode> sent = tap.ofType(workspace, "communication.send-requested.v1");
                    records[0] = sent.size();
                    sent.forEach(command -> byRequest(commands, command));
                    tap.ofType(workspace, "scenario.step-executed.v1").forEach(event -> byRequest(executed, event));
                    return commands.keySet().containsAll(expected) && executed.keySet().containsAll(expected);
                });

                assertThat(commands.keySet()).as("every step asked for its message, and nothing else did")
                        .isEqualTo(expected);
                assertThat(commands.values()).as("each request from one execution of its step (one event id)")
                        .allSatisfy(ids -> assertThat(ids).hasSize(1));
                assertThat(executed.keySet()).isEqualTo(expected);
                assertThat(executed.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
                assertThat(jdbc.queryForList("""
                        SELECT status || '/' || outcome || '/' || count(*) FROM planned_step WHERE workspace_id = ?
                         GROUP BY status, outcome""", String.class, workspace)).containsExactly("DONE/REQUESTED/" + STEPS);
                assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE workspace_id = ? AND NOT active"
                        + " AND end_reason = 'COMPLETED'", Integer.class, workspace)).isEqualTo(STEPS);
                assertThat(ranByTheKilled).as("the killed instance was running steps").isPositive();
                assertThat(doneAtTheKill).as("killed in the middle").isLessThan(STEPS);
                long ranByTheSurvivor = ScenarioInstance.sendsExecuted(survivor);
                assertThat(ranByTheSurvivor).as("the survivor ran the rest").isGreaterThanOrEqualTo(STEPS - doneAtTheKill);
                System.out.printf("killed with %d of %d steps done (%d run by it, %d timers picked by it); the survivor"
                        + " ran %d; %d commands on Kafka for %d requests (%d redelivered by the relay)%n", doneAtTheKill,
                        STEPS, ranByTheKilled, heldByTheKilled, ranByTheSurvivor, records[0], commands.size(),
                        records[0] - commands.size());
            }
        }
    }

    private static UUID scenario(int port, UUID workspace) {
        String body = Api.owner(port, workspace).raw(HttpMethod.POST, "/api/v1/scenarios", MediaType.APPLICATION_JSON,
                """
                {"name": "Due now", "trigger": "MANUAL", "entry": {"reEntry": "ALWAYS"}, "steps": [
                  {"id": "send", "type": "SEND", "message": {"templateKey": "due-now", "channel": "SMS",
                   "category": "TRANSACTIONAL"}}]}""").expectStatus().isCreated().expectBody(String.class)
                .returnResult().getResponseBody();
        return UUID.fromString(JSON.readTree(body).get("id").asString());
    }

    private static void byRequest(Map<String, Set<String>> byRequest, JsonNode event) {
        byRequest.computeIfAbsent(event.path("data").path("requestId").asString(), id -> new HashSet<>())
                .add(event.path("id").asString());
    }

    private static int done(JdbcTemplate jdbc, UUID workspace) {
        return jdbc.queryForObject("SELECT count(*) FROM planned_step WHERE workspace_id = ? AND status = 'DONE'",
                Integer.class, workspace);
    }

    private static int timers(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class);
    }
}
