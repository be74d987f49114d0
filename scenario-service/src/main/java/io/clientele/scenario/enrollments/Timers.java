package io.clientele.scenario.enrollments;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
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

    Timers(DataSource dataSource) {
        client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource)).build();
    }

    void set(UUID stepId, Instant dueAt) {
        client.scheduleIfNotExists(new TaskInstance<>(TASK, stepId + "@" + dueAt.toEpochMilli()), dueAt);
    }

    void setBirthday(UUID workspaceId, UUID customerId, Instant at) {
        client.scheduleIfNotExists(new TaskInstance<>(BIRTHDAY_TASK, workspaceId + "/" + customerId + "@"
                + at.toEpochMilli()), at);
    }

    static UUID stepOf(String instanceId) {
        return UUID.fromString(instanceId.substring(0, instanceId.indexOf('@')));
    }
}
