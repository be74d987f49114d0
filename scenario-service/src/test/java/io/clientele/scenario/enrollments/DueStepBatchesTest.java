package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clientele.scenario.enrollments.StepRunner.Fired;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The group commit of due steps: what the timer threads hand over together runs as one batch, each thread returns
 * once its own step committed, and a failing step fails alone, never its neighbours (the database side of a batch
 * is tested by the timer ITs and the benchmark).
 */
class DueStepBatchesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Runs nothing in a database: records the batches it was given and refuses the poisoned step. */
    private static final class RecordingRunner extends StepRunner {

        final List<List<UUID>> committed = Collections.synchronizedList(new ArrayList<>());
        final Set<UUID> poisoned = ConcurrentHashMap.newKeySet();
        final CountDownLatch firstBatchStarted = new CountDownLatch(1);
        final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);

        RecordingRunner(SimpleMeterRegistry meters) {
            super(null, null, null, null, null, null, null, meters);
        }

        @Override
        public void runAll(List<Fired> fired) {
            firstBatchStarted.countDown();
            try {
                // the first batch holds the writer until the rest has gathered behind it
                firstBatchMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            List<UUID> steps = fired.stream().map(Fired::stepId).toList();
            if (steps.stream().anyMatch(poisoned::contains)) {
                throw new IllegalStateException("step refused");
            }
            committed.add(steps);
        }
    }

    @Test
    void stepsFiredTogetherRunAsOneBatchAndEachThreadReturnsOnceItsStepCommitted() throws Exception {
        RecordingRunner runner = new RecordingRunner(meters);
        List<UUID> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            steps.add(UUID.randomUUID());
        }
        ExecutorService timerThreads = Executors.newFixedThreadPool(40);
        try (DueStepBatches batches = new DueStepBatches(runner, 1, 64, meters)) {
            List<Future<?>> runs = new ArrayList<>();
            runs.add(timerThreads.submit(() -> run(batches, steps.getFirst())));
            assertThat(runner.firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (UUID step : steps.subList(1, steps.size())) {
                runs.add(timerThreads.submit(() -> run(batches, step)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 39);
            assertThat(runs).noneMatch(Future::isDone);
            runner.firstBatchMayEnd.countDown();
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.SECONDS);
            }
        } finally {
            timerThreads.shutdownNow();
        }
        assertThat(runner.committed.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(steps);
        assertThat(runner.committed).hasSize(2);
        assertThat(runner.committed.get(1)).hasSize(39);
        assertThat(meters.summary("clientele.scenario.steps.batch").max()).isEqualTo(39);
    }

    @Test
    void aStepThatFailsFailsAloneAndItsNeighboursInTheBatchCommit() throws Exception {
        RecordingRunner runner = new RecordingRunner(meters);
        UUID poisoned = UUID.randomUUID();
        runner.poisoned.add(poisoned);
        List<UUID> good = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ExecutorService timerThreads = Executors.newFixedThreadPool(5);
        try (DueStepBatches batches = new DueStepBatches(runner, 1, 64, meters)) {
            Future<?> first = timerThreads.submit(() -> run(batches, UUID.randomUUID()));
            assertThat(runner.firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> bad = timerThreads.submit(() -> run(batches, poisoned));
            List<Future<?>> fine = good.stream().<Future<?>>map(step -> timerThreads.submit(() -> run(batches, step)))
                    .toList();
            await().atMost(Duration.ofSeconds(10)).until(() -> batches.waiting() == 4);
            runner.firstBatchMayEnd.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> run : fine) {
                run.get(10, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("step refused");
        } finally {
            timerThreads.shutdownNow();
        }
        assertThat(runner.committed.stream().flatMap(List::stream).toList()).containsAll(good)
                .doesNotContain(poisoned);
    }

    private static Void run(DueStepBatches batches, UUID step) throws Exception {
        batches.run(new Fired(step, step + "@0"));
        return null;
    }
}
