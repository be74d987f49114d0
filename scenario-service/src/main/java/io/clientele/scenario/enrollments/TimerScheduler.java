package io.clientele.scenario.enrollments;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * S-5: fires due timers with db-scheduler (its core library, wired here by hand: its Spring Boot starter does not
 * know Boot 4). Every instance of the service polls the one table; db-scheduler lets one of them pick a due timer,
 * and {@link StepRunner} makes a second run of the same step (a second timer for it, or a timer revived after its
 * instance died) find the step done and do nothing. Time is the service's {@link Clock}, so tests move it instead of
 * waiting. The timer threads hand their steps to {@link DueStepBatches}, which runs those fired together in one
 * transaction: the threads mostly wait there, so there are more of them than cores.
 * <p>
 * An instance that dies (kill -9) leaves the timers it had picked; the others take them over once its heartbeat
 * is {@code missed-heartbeats} intervals old. db-scheduler's own default (5 min, 6 missed) would hold those steps
 * for half an hour, so the interval is set here.
 */
@Component
class TimerScheduler implements SmartLifecycle {

    private final Scheduler scheduler;
    private final DueStepBatches batches;
    private volatile boolean running;

    TimerScheduler(DataSource dataSource, Clock clock, StepRunner runner, Birthdays birthdays, MeterRegistry meters,
            @Value("${clientele.scenario.timers.polling-interval:PT1S}") Duration pollingInterval,
            @Value("${clientele.scenario.timers.threads:4}") int threads,
            @Value("${clientele.scenario.timers.writers:2}") int writers,
            @Value("${clientele.scenario.timers.max-batch:64}") int maxBatch,
            @Value("${clientele.scenario.timers.heartbeat-interval:PT10S}") Duration heartbeatInterval,
            @Value("${clientele.scenario.timers.missed-heartbeats:6}") int missedHeartbeats,
            @Value("${clientele.scenario.timers.lock-and-fetch:false}") boolean lockAndFetch,
            @Value("${clientele.scenario.timers.instance-name:}") String instanceName) {
        batches = new DueStepBatches(runner, writers, maxBatch, meters);
        // The step's transaction removes its timer (Timers.removeFired): db-scheduler's removal after the run, a
        // statement and a commit per timer, has nothing left to do. A run that throws leaves the timer to
        // db-scheduler's failure handling as a one-time task's (retried after 5 minutes); a dead instance's timers
        // are revived elsewhere.
        CustomTask<Void> task = Tasks.custom(Timers.TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Tasks.DEFAULT_RETRY_INTERVAL))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    try {
                        batches.run(new StepRunner.Fired(Timers.stepOf(instance.getId()), instance.getId()));
                    } catch (RuntimeException failed) {
                        throw failed;
                    } catch (Exception failed) {
                        throw new IllegalStateException(failed);
                    }
                    return (complete, operations) -> {
                    };
                });
        OneTimeTask<Void> birthday = Tasks.oneTime(Timers.BIRTHDAY_TASK).execute((instance, context) -> {
            String id = instance.getId();
            int slash = id.indexOf('/');
            int at = id.indexOf('@');
            birthdays.fire(UUID.fromString(id.substring(0, slash)), UUID.fromString(id.substring(slash + 1, at)),
                    Instant.ofEpochMilli(Long.parseLong(id.substring(at + 1))));
        });
        SchedulerBuilder builder = new SchedulerBuilder(dataSource, List.of(task, birthday))
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(missedHeartbeats);
        if (lockAndFetch) {
            // one statement picks a batch (SELECT ... FOR UPDATE SKIP LOCKED), instead of a fetch and one update per
            // timer: what db-scheduler recommends on PostgreSQL for high throughput (between the limits, in threads)
            builder.pollUsingLockAndFetch(0.5, 3.0);
        }
        if (!instanceName.isBlank()) {
            // shown in scheduled_tasks.picked_by; the default (the host name) is the same for instances on one host
            builder.schedulerName(new SchedulerName.Fixed(instanceName));
        }
        scheduler = builder.build();
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        batches.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
