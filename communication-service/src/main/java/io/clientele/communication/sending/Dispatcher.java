package io.clientele.communication.sending;

import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageLog;
import io.clientele.communication.messages.MessageQueries;
import io.clientele.communication.preferences.Handoffs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the senders. Messages due now are announced by whoever stored them ({@link #wake}); a scheduler
 * finds the rest (deferred, planned for later, stored by another instance) and recovery the ones whose
 * sender stopped. Workers claim batches with conditional writes, so any number of instances share the
 * work and each message is claimed by one of them.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration HANDOFF_CLEAN_UP = Duration.ofHours(1);

    private final MessageQueries queries;
    private final MessageLog messages;
    private final Delivery delivery;
    private final Recovery recovery;
    private final Handoffs handoffs;
    private final SendingProperties properties;
    private final Clock clock;
    private final String owner = "sender-" + UUID.randomUUID();
    private final LinkedBlockingQueue<UUID> queue = new LinkedBlockingQueue<>();
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    Dispatcher(MessageQueries queries, MessageLog messages, Delivery delivery, Recovery recovery, Handoffs handoffs,
            SendingProperties properties, Clock clock) {
        this.queries = queries;
        this.messages = messages;
        this.delivery = delivery;
        this.recovery = recovery;
        this.handoffs = handoffs;
        this.properties = properties;
        this.clock = clock;
    }

    /** These messages are due now. */
    void wake(Collection<UUID> ids) {
        if (!properties.enabled()) {
            return;
        }
        for (UUID id : ids) {
            if (queued.add(id)) {
                queue.add(id);
            }
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.warn("Sending is switched off on this instance (clientele.communication.sending.enabled=false)");
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            threads.add(Thread.ofPlatform().name("sender-" + i).daemon().start(this::work));
        }
        threads.add(Thread.ofPlatform().name("sender-scheduler").daemon().start(this::schedule));
    }

    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                // A worker finishes its batch: what it handed over is recorded before it stops.
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the outbox relay, so the outcomes of the last batches are published. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    private void work() {
        List<UUID> batch = new ArrayList<>(properties.batchSize());
        while (running) {
            batch.clear();
            try {
                UUID first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.batchSize() - 1);
                // Under load, a few milliseconds more make a full batch: one SMTP session and a handful of
                // MongoDB writes for up to batchSize messages instead of for each.
                long until = System.nanoTime() + properties.batchWait().toNanos();
                while (batch.size() < properties.batchSize() && System.nanoTime() < until) {
                    UUID next = queue.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    queue.drainTo(batch, properties.batchSize() - batch.size());
                }
                batch.forEach(queued::remove);
                List<Message> claimed = messages.claim(batch, owner, properties.lease());
                delivery.process(claimed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable failure) {
                // MongoDB away, or the process dying mid-batch: what this batch claimed stays SENDING until
                // its lease runs out, and recovery decides then what may have left.
                log.error("A batch of {} message(s) was abandoned; recovery takes it over after the lease", batch.size(),
                        failure);
                pause();
            }
        }
    }

    private void schedule() {
        Instant lastRecovery = Instant.EPOCH;
        Instant lastCleanUp = clock.instant();
        while (running) {
            try {
                Instant now = clock.instant();
                wake(queries.due(now, 5_000));
                if (Duration.between(lastRecovery, now).compareTo(properties.recoveryInterval()) >= 0) {
                    lastRecovery = now;
                    wake(recovery.recover(owner));
                }
                if (Duration.between(lastCleanUp, now).compareTo(HANDOFF_CLEAN_UP) >= 0) {
                    lastCleanUp = now;
                    handoffs.dropExpiredBefore(now.minus(HANDOFF_CLEAN_UP));
                }
                Thread.sleep(properties.pollInterval());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                log.warn("The scheduler could not look for due messages: {}", failure.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
