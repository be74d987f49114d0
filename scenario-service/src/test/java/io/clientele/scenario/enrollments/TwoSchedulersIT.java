package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * S-5 exactly once with two schedulers on one database (the service's own and a second one, as another instance
 * would run it) and two timers for every step (as a crash between a step's commit and its timer's removal leaves
 * it): every step is done once and asks for its message once. The same across processes, with one instance
 * killed (SIGKILL) in the middle: {@link io.clientele.scenario.timers.KilledInstanceIT}.
 */
@ServiceIT
class TwoSchedulersIT {

    static final int STEPS = 60;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    StepRunner runner;
    @Autowired
    Timers timers;
    @Autowired
    OutboxRelay relay;

    @Test
    void everyDueStepRunsOnceWhenTwoSchedulersAndTwoTimersRaceForIt() {
        AtomicInteger runsByTheOther = new AtomicInteger();
        Scheduler other = new SchedulerBuilder(dataSource, List.of(Tasks.oneTime(Timers.TASK)
                .execute((instance, context) -> {
                    runsByTheOther.incrementAndGet();
                    runner.run(Timers.stepOf(instance.getId()));
                })))
                // polling every 10 ms, it asks first once the clock moves (the service's own asks every 250 ms and,
                // batching its steps, could otherwise take all of them before this one's first look)
                .clock(clock::instant).pollingInterval(Duration.ofMillis(10)).threads(4)
                .schedulerName(new SchedulerName.Fixed("the-other-instance")).build();
        relay.stop();
        try (ScenarioWorld world = new ScenarioWorld(port, bootstrap, clock, jdbc)) {
            UUID scenario = world.scenario("""
                    {"name": "Soon", "trigger": "MANUAL", "entry": {"reEntry": "ALWAYS"}, "steps": [
                      {"id": "wait", "type": "WAIT", "duration": "PT1H"},
                      {"id": "send", "type": "SEND", "message": {"templateKey": "soon", "channel": "SMS",
                       "category": "TRANSACTIONAL"}}]}""");
            UUID customer = world.customer(false);
            for (int i = 0; i < STEPS; i++) {
                world.start(customer, scenario);
            }
            jdbc.query("SELECT id, due_at FROM planned_step WHERE workspace_id = ?", rs -> {
                timers.set(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant().plusMillis(1));
            }, world.workspace);
            assertThat(timersOf(world.workspace)).isEqualTo(2 * STEPS);
            other.start();

            world.advance(Duration.ofHours(1).plusMinutes(1));
            await().atMost(Duration.ofSeconds(120)).until(() -> timersOf(world.workspace) == 0);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM planned_step WHERE workspace_id = ? AND status = 'DONE'",
                    Integer.class, world.workspace)).isEqualTo(STEPS);
            assertThat(jdbc.queryForList("""
                    SELECT payload::jsonb -> 'data' ->> 'requestId' FROM platform.outbox_event
                     WHERE event_type = 'communication.send-requested.v1' AND payload::jsonb ->> 'workspaceid' = ?""",
                    String.class, world.workspace.toString())).hasSize(STEPS).doesNotHaveDuplicates();
            assertThat(runsByTheOther.get()).as("the second scheduler took part").isPositive();
        } finally {
            other.stop();
            relay.start();
        }
    }

    private int timersOf(UUID workspace) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM scheduled_tasks t JOIN planned_step s ON t.task_instance LIKE s.id || '@%'
                 WHERE s.workspace_id = ?""", Integer.class, workspace);
    }
}
