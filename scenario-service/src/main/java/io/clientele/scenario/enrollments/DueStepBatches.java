package io.clientele.scenario.enrollments;

import io.clientele.scenario.enrollments.StepRunner.Fired;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S-5 group commit: db-scheduler runs each fired timer on one of its threads; here those threads hand their steps
 * over and wait, while a few writer threads run whatever has gathered in the meantime as one batch, in one
 * transaction ({@link StepRunner#runAll}). A thread returns only once its step's batch committed, so db-scheduler
 * still sees each timer succeed or fail on its own: a batch that fails is run again step by step, and only the steps
 * that fail alone fail (db-scheduler retries those later), never their neighbours.
 * <p>
 * Under light load a batch is one step and nothing waits for company; under a burst, the batches grow to what
 * the timer threads fired while the previous one was committing.
 */
final class DueStepBatches implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DueStepBatches.class);

    private record Waiting(Fired fired, CompletableFuture<Void> done) {
    }

    private final StepRunner runner;
    private final int maxBatch;
    private final DistributionSummary sizes;
    private final LinkedBlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    DueStepBatches(StepRunner runner, int writers, int maxBatch, MeterRegistry meters) {
        this.runner = runner;
        this.maxBatch = maxBatch;
        this.sizes = DistributionSummary.builder("clientele.scenario.steps.batch")
                .description("Due steps run in one transaction").publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("clientele.scenario.steps.waiting", waiting, LinkedBlockingQueue::size)
                .description("Fired steps waiting for a writer").register(meters);
        for (int i = 0; i < writers; i++) {
            this.writers.add(Thread.ofPlatform().name("scenario-steps-" + i).daemon().start(this::write));
        }
    }

    /** Runs the step with others fired about now; returns when it committed, throws what its own run threw. */
    void run(Fired fired) throws Exception {
        if (!open) {
            throw new IllegalStateException("the step writers are stopped");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        waiting.add(new Waiting(fired, done));
        try {
            done.get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
    }

    private void write() {
        List<Waiting> batch = new ArrayList<>(maxBatch);
        while (open || !waiting.isEmpty()) {
            try {
                Waiting first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                batch.forEach(step -> step.done().completeExceptionally(interrupted));
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Waiting> batch) {
        sizes.record(batch.size());
        try {
            runner.runAll(batch.stream().map(Waiting::fired).toList());
            batch.forEach(step -> step.done().complete(null));
            return;
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(failed);
                return;
            }
            // which step failed (or whether it was the batch: a lock conflict with another instance) is found by
            // running them one by one
            log.warn("A batch of {} due steps failed ({}); running them one by one", batch.size(), failed.toString());
        }
        for (Waiting step : batch) {
            try {
                runner.runAll(List.of(step.fired()));
                step.done().complete(null);
            } catch (RuntimeException failed) {
                step.done().completeExceptionally(failed);
            }
        }
    }

    /** Fired steps handed over and not taken by a writer yet. */
    int waiting() {
        return waiting.size();
    }

    /** Stops once what was handed over is written; called after db-scheduler stopped handing steps over. */
    @Override
    public void close() {
        open = false;
        for (Thread writer : writers) {
            try {
                writer.join(Duration.ofSeconds(30));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Waiting left;
        while ((left = waiting.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the step writers are stopped"));
        }
    }
}
