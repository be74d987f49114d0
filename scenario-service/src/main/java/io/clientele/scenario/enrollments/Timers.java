package io.clientele.scenario.enrollments;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * S-5: sets the durable timer of a planned step: a row of db-scheduler's {@code scheduled_tasks}, written in
 * the transaction that plans the step (the data source is transaction-aware), so a step and its timer commit
 * together or not at all. {@link TimerScheduler} fires them.
 * <p>
 * The timer's id is the step's id and due time: a step moved by a reschedule gets a new timer, and the old one,
 * firing, finds the step due later and does nothing.
 */
@Component
class Timers {

    static final String TASK = "scenario-step";
    /** A customer's next birthday greeting: its id names the workspace, the customer and the moment. */
    static final String BIRTHDAY_TASK = "scenario-birthday";

    private final SchedulerClient client;
    private final JdbcTemplate jdbc;

    Timers(DataSource dataSource, JdbcTemplate jdbc) {
        client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource)).build();
        this.jdbc = jdbc;
    }

    void set(UUID stepId, Instant dueAt) {
        client.scheduleIfNotExists(new TaskInstance<>(TASK, stepId + "@" + dueAt.toEpochMilli()), dueAt);
    }

    void setBirthday(UUID workspaceId, UUID customerId, Instant at) {
        client.scheduleIfNotExists(new TaskInstance<>(BIRTHDAY_TASK, workspaceId + "/" + customerId + "@"
                + at.toEpochMilli()), at);
    }

    /**
     * Removes fired step timers in the transaction that ran their steps (db-scheduler's own removal, one statement and
     * one commit per timer after the run, is switched off for them: {@link TimerScheduler}). A step done and its
     * timer gone commit together; a timer some other run already removed is simply not there.
     */
    void removeFired(Collection<String> timerIds) {
        if (timerIds.isEmpty()) {
            return;
        }
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance = ANY (?)", ps -> {
            ps.setString(1, TASK);
            ps.setArray(2, ps.getConnection().createArrayOf("text", timerIds.toArray()));
        });
    }

    static UUID stepOf(String instanceId) {
        return UUID.fromString(instanceId.substring(0, instanceId.indexOf('@')));
    }
}
