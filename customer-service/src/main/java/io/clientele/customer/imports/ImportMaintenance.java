package io.clientele.customer.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the import jobs honest across instances: this instance proves its jobs alive, any instance
 * marks the jobs of an instance that stopped as interrupted, and rejected rows (personal data of
 * people never imported) are forgotten after the retention period.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ImportMaintenance.class);

    private final ImportStore store;
    private final ImportJobs jobs;
    private final ImportProperties properties;
    private final Clock clock;

    ImportMaintenance(ImportStore store, ImportJobs jobs, ImportProperties properties, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${clientele.imports.heartbeat:20s}")
    void heartbeat() {
        store.heartbeat(jobs.active(), clock.instant());
    }

    @Scheduled(fixedDelayString = "${clientele.imports.heartbeat:20s}", initialDelayString = "${clientele.imports.heartbeat:20s}")
    void sweep() {
        Instant now = clock.instant();
        int interrupted = store.sweep(now.minus(properties.staleAfter()), now);
        if (interrupted > 0) {
            log.warn("Marked {} import job(s) of a stopped instance as interrupted", interrupted);
        }
    }

    @Scheduled(fixedDelay = 6, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void forgetOldRejections() {
        store.forgetRejectionsBefore(clock.instant().minus(properties.rejectionRetention()));
    }

    /** Uploads left behind by a stopped instance. */
    @EventListener(ApplicationReadyEvent.class)
    void cleanSpool() {
        Path directory = properties.spoolDirectory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        Instant before = clock.instant().minus(Duration.ofDays(1));
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().startsWith("import-")).forEach(file -> {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException ignored) {
                    // another instance's file, or gone already
                }
            });
        } catch (IOException unreadable) {
            log.warn("Could not clean the import spool directory {}", directory, unreadable);
        }
    }
}
