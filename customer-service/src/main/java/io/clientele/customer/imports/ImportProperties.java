package io.clientele.customer.imports;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How imports run ({@code clientele.imports.*}).
 *
 * @param chunkSize          rows written per transaction
 * @param concurrency        imports (and undos) one instance runs at a time; each uses two threads
 * @param queueCapacity      imports waiting for their turn before new ones are refused (503)
 * @param spoolDirectory     where uploads wait while they are imported (deleted afterwards)
 * @param maxFileSize        the largest upload taken
 * @param heartbeat          how often a running instance proves its jobs alive
 * @param staleAfter         a job whose instance has not proved it alive for this long is marked interrupted
 * @param rejectionRetention how long rejected rows (personal data never imported) are kept for the report
 */
@ConfigurationProperties("clientele.imports")
record ImportProperties(Integer chunkSize, Integer concurrency, Integer queueCapacity, Path spoolDirectory,
        DataSize maxFileSize, Duration heartbeat, Duration staleAfter, Duration rejectionRetention) {

    ImportProperties {
        chunkSize = chunkSize == null ? 10_000 : chunkSize;
        concurrency = concurrency == null ? 1 : concurrency;
        queueCapacity = queueCapacity == null ? 20 : queueCapacity;
        spoolDirectory = spoolDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "clientele-imports")
                : spoolDirectory;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(512) : maxFileSize;
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
        rejectionRetention = rejectionRetention == null ? Duration.ofDays(30) : rejectionRetention;
    }
}
