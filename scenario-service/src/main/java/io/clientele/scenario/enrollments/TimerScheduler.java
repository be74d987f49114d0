package io.clientele.scenario.enrollments;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
 * and {@link StepRunner} makes a second run of the same step (after a crash between its commit and the timer's
 * removal) find the step done and do nothing. Time is the service's {@link Clock}, so tests move it instead of
 * waiting.
 */
@Component
class TimerScheduler implements SmartLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    TimerScheduler(DataSource dataSource, Clock clock, StepRunner runner, Birthdays birthdays,
            @Value("${clientele.scenario.timers.polling-interval:PT1S}") Duration pollingInterval,
            @Value("${clientele.scenario.timers.threads:4}") int threads) {
        OneTimeTask<Void> task = Tasks.oneTime(Timers.TASK)
                .execute((instance, context) -> runner.run(Timers.stepOf(instance.getId())));
        OneTimeTask<Void> birthday = Tasks.oneTime(Timers.BIRTHDAY_TASK).execute((instance, context) -> {
            String id = instance.getId();
            int slash = id.indexOf('/');
            int at = id.indexOf('@');
            birthdays.fire(UUID.fromString(id.substring(0, slash)), UUID.fromString(id.substring(slash + 1, at)),
                    Instant.ofEpochMilli(Long.parseLong(id.substring(at + 1))));
        });
        scheduler = new SchedulerBuilder(dataSource, List.of(task, birthday))
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .build();
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        scheduler.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
