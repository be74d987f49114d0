package io.clientele.customer.imports;

import io.clientele.platform.jdbc.PostgresCopy;
import io.clientele.customer.customers.ImportChunkWriter;
import io.clientele.customer.customers.ImportChunkWriter.Batch;
import io.clientele.customer.customers.ImportChunkWriter.RowResult;
import io.clientele.customer.customers.ImportUndo;
import io.clientele.customer.customers.ImportUndo.UndoResult;
import io.clientele.customer.customers.ImportedRow;
import io.clientele.customer.imports.ImportStore.Counts;
import io.clientele.customer.imports.ImportStore.Rejection;
import io.clientele.customer.imports.ImportStore.Status;
import io.clientele.platform.problem.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Runs imports and undos in the background, a few at a time per instance. An import is a pipeline of
 * two threads: one reads and checks the file's rows, the other writes them chunk by chunk, each chunk
 * in its own transaction together with its progress, so the counts always match what was written and
 * a bad row never leaves half of itself behind. A dry run goes through the same matching in one
 * transaction, writing what it would write to a scratch table that goes with the transaction: it
 * counts exactly what the import would do, duplicates within the file included, and touches no
 * customer.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int ATTEMPTS = 3;

    /** One import to run: what to read, how to check it, where to write it. */
    record Job(UUID importId, UUID workspaceId, String actor, boolean dryRun, String name, Upload upload,
            Supplier<RowSource> source, RowReader reader) {
    }

    /** What the reading thread hands to the writers; the last one carries no rows. */
    private record Chunk(long number, List<ImportedRow> rows, Map<Long, Map<String, String>> raw,
            List<Rejection> rejections, long rowsRead, Throwable failure, boolean last) {

        static final Chunk END = new Chunk(-1, List.of(), Map.of(), List.of(), 0, null, true);
    }

    private final ImportStore store;
    private final ImportChunkWriter writer;
    private final ImportUndo importUndo;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final ImportProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    ImportJobs(ImportStore store, ImportChunkWriter writer, ImportUndo importUndo,
            PlatformTransactionManager transactionManager, ImportProperties properties, MeterRegistry meters,
            Clock clock) {
        this.store = store;
        this.writer = writer;
        this.importUndo = importUndo;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(properties.concurrency(), properties.concurrency(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(properties.queueCapacity()),
                Thread.ofPlatform().name("import-", 1).daemon().factory());
    }

    /** The jobs this instance holds (running or waiting): their heartbeat is this instance's to give. */
    Set<UUID> active() {
        return Set.copyOf(active);
    }

    void submit(Job job) {
        active.add(job.importId());
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException full) {
            active.remove(job.importId());
            job.upload().delete();
            store.finish(job.importId(), Status.FAILED, "Refused: too many imports are waiting on this instance", clock.instant());
            throw busy();
        }
    }

    void submitUndo(UUID workspaceId, UUID importId, String name, String actor) {
        active.add(importId);
        try {
            executor.execute(() -> undo(workspaceId, importId, name, actor));
        } catch (RejectedExecutionException full) {
            active.remove(importId);
            store.undoFailed(importId, "Refused: too many imports are waiting on this instance; ask again later");
            throw busy();
        }
    }

    private void run(Job job) {
        UUID id = job.importId();
        Thread reader = null;
        try {
            if (!store.start(id, clock.instant())) {
                return;
            }
            BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(3);
            reader = Thread.ofPlatform().name("import-reader-" + id).daemon().start(() -> read(job, chunks));
            if (job.dryRun()) {
                // one transaction, rolled back: the chunks one after the other
                transactions.executeWithoutResult(dryRun -> {
                    drain(job, chunks, new ChunkGate());
                    dryRun.setRollbackOnly();
                });
            } else {
                writeWithTwoWriters(job, chunks);
            }
            store.finish(id, Status.COMPLETED, null, clock.instant());
        } catch (RuntimeException | Error failed) {
            log.warn("Import {} failed", id, failed);
            store.finish(id, Status.FAILED, describe(failed), clock.instant());
        } finally {
            if (reader != null) {
                reader.interrupt();
            }
            active.remove(id);
            job.upload().delete();
        }
    }

    /**
     * Two writers, each chunk in its own transaction: while one writes a chunk the other writes the
     * next (PostgreSQL works on both at once, one core each). Neighbouring chunks share no e-mail or
     * phone (ChunkPlanner), and a chunk starts only once every chunk two or more before it committed.
     */
    private void writeWithTwoWriters(Job job, BlockingQueue<Chunk> chunks) {
        ChunkGate gate = new ChunkGate();
        Throwable[] second = new Throwable[1];
        Thread other = Thread.ofPlatform().name("import-writer-" + job.importId()).daemon().start(() -> {
            try {
                drain(job, chunks, gate);
            } catch (RuntimeException | Error failed) {
                second[0] = failed;
                gate.fail(failed);
            }
        });
        try {
            drain(job, chunks, gate);
        } catch (RuntimeException | Error failed) {
            gate.fail(failed);
            throw failed;
        } finally {
            try {
                other.join();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
        if (second[0] != null) {
            throw second[0] instanceof RuntimeException runtime ? runtime : new IllegalStateException(second[0]);
        }
    }

    /** The reading thread: rows in, checked chunks out, cut so that neighbouring chunks share nobody. */
    private void read(Job job, BlockingQueue<Chunk> chunks) {
        try (RowSource source = job.source().get()) {
            ChunkPlanner planner = new ChunkPlanner(properties.chunkSize(), planned -> put(chunks, new Chunk(
                    planned.number, planned.rows, planned.raw, planned.rejections, planned.rowsRead, null, false)));
            RowSource.SourceRow row;
            while ((row = source.next()) != null) {
                long number = row.cells().rowNumber();
                if (!row.violations().isEmpty()) {
                    planner.reject(new Rejection(number, row.violations(), row.raw()));
                    continue;
                }
                RowReader.Read checked = job.reader().read(row.cells());
                if (checked.rejected()) {
                    planner.reject(new Rejection(number, checked.violations(), row.raw()));
                } else {
                    planner.add(checked.row(), row.raw());
                }
            }
            planner.finish();
            put(chunks, Chunk.END);
        } catch (Stopped stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error failed) {
            try {
                put(chunks, new Chunk(-1, List.of(), Map.of(), List.of(), 0, failed, true));
            } catch (Stopped stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void put(BlockingQueue<Chunk> chunks, Chunk chunk) {
        try {
            chunks.put(chunk);
        } catch (InterruptedException interrupted) {
            throw new Stopped();
        }
    }

    /** The reader was interrupted: the import is being stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** A writer: chunks until the last, each written with its progress once its turn has come. */
    private void drain(Job job, BlockingQueue<Chunk> chunks, ChunkGate gate) {
        while (true) {
            Chunk chunk;
            try {
                chunk = chunks.take();
                if (chunk.last()) {
                    // leave it for the other writer too
                    chunks.put(chunk);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was stopped", stopped);
            }
            if (chunk.failure() != null) {
                throw chunk.failure() instanceof RuntimeException runtime ? runtime : new IllegalStateException(chunk.failure());
            }
            if (chunk.last()) {
                return;
            }
            gate.awaitTurn(chunk.number());
            write(job, chunk);
            gate.committed(chunk.number());
        }
    }

    private void write(Job job, Chunk chunk) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (job.dryRun()) {
                    // Inside the dry run's own transaction; only the report and the counts are kept.
                    Written written = apply(job, chunk, true);
                    separately.executeWithoutResult(status -> record(job, written));
                } else {
                    transactions.executeWithoutResult(status -> record(job, apply(job, chunk, false)));
                }
                return;
            } catch (RuntimeException failed) {
                if (job.dryRun() || attempt == ATTEMPTS || !retryable(failed)) {
                    throw failed;
                }
                // Another writer created a customer with one of the chunk's e-mails, or the database
                // stumbled: the chunk is matched and written again from the start.
                log.info("Import {}: chunk written again after {}", job.importId(), failed.toString());
                pause(Duration.ofSeconds(attempt));
            }
        }
    }

    /** A chunk's rows written: what they did, and every row refused (while reading or while matching). */
    private record Written(Counts counts, List<Rejection> rejections) {
    }

    private Written apply(Job job, Chunk chunk, boolean dryRun) {
        List<RowResult> results = chunk.rows().isEmpty() ? List.of() : writer.apply(new Batch(job.workspaceId(),
                job.importId(), job.name(), job.actor(), dryRun, chunk.rows()));
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        List<Rejection> rejections = new ArrayList<>(chunk.rejections());
        for (RowResult result : results) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejections.add(new Rejection(result.rowNumber(), List.of(result.reason()),
                        chunk.raw().getOrDefault(result.rowNumber(), Map.of())));
            }
        }
        return new Written(new Counts(chunk.rowsRead(), created, updated, unchanged, rejections.size()), rejections);
    }

    private void record(Job job, Written written) {
        Counts counts = written.counts();
        store.reject(job.importId(), written.rejections());
        store.progress(job.importId(), counts, clock.instant());
        meters.counter("clientele.import.rows", "outcome", "created", "dry_run", String.valueOf(job.dryRun()))
                .increment(counts.created());
        meters.counter("clientele.import.rows", "outcome", "updated", "dry_run", String.valueOf(job.dryRun()))
                .increment(counts.updated());
        meters.counter("clientele.import.rows", "outcome", "unchanged", "dry_run", String.valueOf(job.dryRun()))
                .increment(counts.unchanged());
        meters.counter("clientele.import.rows", "outcome", "rejected", "dry_run", String.valueOf(job.dryRun()))
                .increment(counts.rejected());
    }

    private void undo(UUID workspaceId, UUID importId, String name, String actor) {
        try {
            UndoResult result;
            do {
                result = transactions.execute(status -> {
                    UndoResult part = importUndo.undo(workspaceId, importId, name, actor, properties.chunkSize());
                    store.undoProgress(importId, part.removed(), part.restored(), part.kept(), clock.instant());
                    return part;
                });
            } while (result != null && result.more());
            store.undone(importId, clock.instant());
        } catch (RuntimeException failed) {
            log.warn("Undo of import {} failed", importId, failed);
            store.undoFailed(importId, "The undo failed part-way (" + describe(failed) + "); what it undid stays"
                    + " undone, ask for the undo again to finish it");
        } finally {
            active.remove(importId);
        }
    }

    private static boolean retryable(RuntimeException failed) {
        return failed instanceof DuplicateKeyException || failed instanceof TransientDataAccessException
                || failed instanceof PostgresCopy.CopyFailed copy && copy.isUniqueViolation();
    }

    private static String describe(Throwable failed) {
        if (failed instanceof CsvSource.UnreadableFile unreadable) {
            return unreadable.getMessage();
        }
        return "An unexpected error stopped the import: " + failed.getClass().getSimpleName()
                + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static ErrorResponseException busy() {
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "import-queue-full", "Too many imports waiting",
                "This instance already has as many imports waiting as it takes; try again in a few minutes"), null);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
