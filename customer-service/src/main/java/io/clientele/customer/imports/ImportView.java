package io.clientele.customer.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API shows it: where it stands, how its file was read, what it did so far.
 *
 * @param columns how each column of the file is read; {@code field} is null for an ignored column
 * @param failure why it stopped, when it did
 */
record ImportView(
        UUID id,
        @Schema(description = "QUEUED, RUNNING, COMPLETED, FAILED, UNDOING or UNDONE") String status,
        @Schema(description = "A dry run reads, checks and matches every row and writes nothing") boolean dryRun,
        @Schema(description = "CSV or JSON") String format,
        String fileName,
        Long fileBytes,
        String encoding,
        String delimiter,
        @Schema(description = "STANDARD (Clientele's columns), RECOGNISED (headers of other systems' exports known "
                + "by name) or CUSTOM (an explicit mapping)") String layout,
        List<ColumnView> columns,
        Progress progress,
        String failure,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        Undo undo,
        Links links) {

    /** @param field where the column's values go, e.g. email or customFields.skinType; null when ignored */
    record ColumnView(int index, String header, String field) {
    }

    /**
     * @param rowsRead  rows read so far (blank rows are skipped)
     * @param created   new customers (in a dry run: would be)
     * @param updated   existing customers changed
     * @param unchanged rows matching a customer that already had every value
     * @param rejected  rows refused; see the rejections report
     */
    record Progress(long rowsRead, long created, long updated, long unchanged, long rejected) {
    }

    /**
     * @param removed  customers the import had created, now removed
     * @param restored customers whose changed fields were restored
     * @param kept     customers left as they were because something newer touched them
     */
    record Undo(String requestedBy, Instant requestedAt, Instant undoneAt, long removed, long restored, long kept) {
    }

    record Links(String self, String rejections, String rejectionsCsv) {
    }
}
