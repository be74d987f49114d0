package io.clientele.customer.imports;

import io.clientele.platform.jdbc.PostgresCopy;
import io.clientele.customer.imports.ImportView.ColumnView;
import io.clientele.platform.problem.FieldViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import jobs, their rejected rows and their progress, in PostgreSQL. Every read names the workspace. */
@Repository
class ImportStore {

    enum Status { QUEUED, RUNNING, COMPLETED, FAILED, UNDOING, UNDONE }

    /** What a new import is, before it runs. */
    record NewImport(UUID id, UUID workspaceId, boolean dryRun, String format, String fileName, long fileBytes,
            String encoding, String delimiter, String layout, List<ColumnView> columns, String requestedBy,
            Instant requestedAt) {
    }

    /** How far a job got, added chunk by chunk. */
    record Counts(long rowsRead, long created, long updated, long unchanged, long rejected) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(rowsRead + other.rowsRead, created + other.created, updated + other.updated,
                    unchanged + other.unchanged, rejected + other.rejected);
        }
    }

    /** A refused row: where it was, why, and what it said. */
    record Rejection(long rowNumber, List<FieldViolation> reasons, Map<String, String> cells) {
    }

    private static final TypeReference<List<ColumnView>> COLUMNS = new TypeReference<>() {
    };
    private static final TypeReference<List<FieldViolation>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final PostgresCopy copy;
    private final JsonMapper json;

    ImportStore(JdbcTemplate jdbc, PostgresCopy copy, JsonMapper json) {
        this.jdbc = jdbc;
        this.copy = copy;
        this.json = json;
    }

    void create(NewImport job) {
        jdbc.update("""
                INSERT INTO customer_import (id, workspace_id, status, dry_run, format, file_name, file_bytes, encoding,
                                             delimiter, layout, columns, requested_by, requested_at, heartbeat_at)
                VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                job.id(), job.workspaceId(), job.dryRun(), job.format(), job.fileName(), job.fileBytes(),
                job.encoding(), job.delimiter(), job.layout(), json.writeValueAsString(job.columns()),
                job.requestedBy(), Timestamp.from(job.requestedAt()), Timestamp.from(job.requestedAt()));
    }

    Optional<ImportView> find(UUID workspaceId, UUID id) {
        return jdbc.query("SELECT * FROM customer_import WHERE workspace_id = ? AND id = ?", this::view, workspaceId, id)
                .stream().findFirst();
    }

    /** Newest first; {@code before} is the requested-at and id of the last import of the previous page. */
    List<ImportView> list(UUID workspaceId, Instant beforeAt, UUID beforeId, int limit) {
        if (beforeAt == null) {
            return jdbc.query("SELECT * FROM customer_import WHERE workspace_id = ? ORDER BY requested_at DESC, id DESC"
                    + " LIMIT ?", this::view, workspaceId, limit);
        }
        return jdbc.query("SELECT * FROM customer_import WHERE workspace_id = ? AND (requested_at, id) < (?, ?)"
                + " ORDER BY requested_at DESC, id DESC LIMIT ?", this::view, workspaceId, Timestamp.from(beforeAt),
                beforeId, limit);
    }

    boolean start(UUID id, Instant now) {
        return jdbc.update("UPDATE customer_import SET status = 'RUNNING', started_at = ?, heartbeat_at = ?"
                + " WHERE id = ? AND status = 'QUEUED'", Timestamp.from(now), Timestamp.from(now), id) == 1;
    }

    void progress(UUID id, Counts delta, Instant now) {
        jdbc.update("""
                UPDATE customer_import SET rows_read = rows_read + ?, created_count = created_count + ?,
                    updated_count = updated_count + ?, unchanged_count = unchanged_count + ?,
                    rejected_count = rejected_count + ?, heartbeat_at = ?
                WHERE id = ?""", delta.rowsRead(), delta.created(), delta.updated(), delta.unchanged(),
                delta.rejected(), Timestamp.from(now), id);
    }

    void finish(UUID id, Status status, String failure, Instant now) {
        jdbc.update("UPDATE customer_import SET status = ?, failure = ?, finished_at = ?, heartbeat_at = NULL"
                + " WHERE id = ?", status.name(), limit(failure), Timestamp.from(now), id);
    }

    void reject(UUID id, Collection<Rejection> rejections) {
        copy.copy("customer_import_rejection", List.of("import_id", "row_number", "reasons", "cells"), rejections,
                (rejection, line) -> line.value(id).value(rejection.rowNumber())
                        .text(json.writeValueAsString(rejection.reasons()))
                        .text(json.writeValueAsString(storable(rejection.cells()))));
    }

    /** Text PostgreSQL can store: a NUL character (which no text or jsonb value may hold) shown as U+FFFD. */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    private static Map<String, String> storable(Map<String, String> cells) {
        Map<String, String> safe = new java.util.LinkedHashMap<>();
        cells.forEach((key, value) -> safe.put(storable(key), storable(value)));
        return safe;
    }

    List<Rejection> rejections(UUID id, long afterRow, int limit) {
        return jdbc.query("SELECT row_number, reasons::text AS reasons, cells::text AS cells"
                + " FROM customer_import_rejection WHERE import_id = ? AND row_number > ? ORDER BY row_number LIMIT ?",
                (rs, i) -> rejection(rs), id, afterRow, limit);
    }

    /** Every key the refused rows' cells have, sorted. */
    List<String> rejectionKeys(UUID id) {
        return jdbc.queryForList("SELECT DISTINCT k FROM customer_import_rejection, jsonb_object_keys(cells) AS k"
                + " WHERE import_id = ? ORDER BY k", String.class, id);
    }

    /** Every rejection in row order, streamed (a report may hold a million rows): call it in a transaction. */
    void eachRejection(UUID id, Consumer<Rejection> consumer) {
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT row_number, reasons::text AS reasons, cells::text AS cells"
                    + " FROM customer_import_rejection WHERE import_id = ? ORDER BY row_number");
            statement.setObject(1, id);
            statement.setFetchSize(1_000);
            return statement;
        }, rs -> {
            consumer.accept(rejection(rs));
        });
    }

    boolean requestUndo(UUID workspaceId, UUID id, String actor, Instant now) {
        return jdbc.update("""
                UPDATE customer_import SET status = 'UNDOING', undo_requested_by = ?, undo_requested_at = ?,
                    heartbeat_at = ?, failure = NULL
                WHERE workspace_id = ? AND id = ? AND NOT dry_run AND status IN ('COMPLETED', 'FAILED')""",
                actor, Timestamp.from(now), Timestamp.from(now), workspaceId, id) == 1;
    }

    void undoProgress(UUID id, long removed, long restored, long kept, Instant now) {
        jdbc.update("UPDATE customer_import SET removed_count = removed_count + ?, restored_count = restored_count + ?,"
                + " kept_count = kept_count + ?, heartbeat_at = ? WHERE id = ?", removed, restored, kept,
                Timestamp.from(now), id);
    }

    void undone(UUID id, Instant now) {
        jdbc.update("UPDATE customer_import SET status = 'UNDONE', undone_at = ?, heartbeat_at = NULL WHERE id = ?",
                Timestamp.from(now), id);
    }

    /** An undo that could not finish: the import stands as it was, partly undone, and may be undone again. */
    void undoFailed(UUID id, String failure) {
        jdbc.update("UPDATE customer_import SET status = CASE WHEN finished_at IS NULL THEN 'FAILED' ELSE 'COMPLETED' END,"
                + " failure = ?, heartbeat_at = NULL WHERE id = ?", limit(failure), id);
    }

    void heartbeat(Collection<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.update(con -> {
                var statement = con.prepareStatement("UPDATE customer_import SET heartbeat_at = ? WHERE id = ANY (?)");
                statement.setTimestamp(1, Timestamp.from(now));
                statement.setArray(2, con.createArrayOf("uuid", ids.toArray()));
                return statement;
            });
        }
    }

    /**
     * Jobs whose instance stopped beating (it crashed or was stopped): an import is marked failed (what
     * its finished chunks wrote stays and can be undone), an undo is handed back to be asked again.
     */
    int sweep(Instant staleBefore, Instant now) {
        Timestamp stale = Timestamp.from(staleBefore);
        int imports = jdbc.update("""
                UPDATE customer_import SET status = 'FAILED', finished_at = ?, heartbeat_at = NULL,
                    failure = 'Interrupted: the service stopped while the import ran. The rows it had written stay'
                              || ' (see the counts) and can be undone; import the file again to finish it.'
                WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < ?""", Timestamp.from(now), stale);
        int undos = jdbc.update("""
                UPDATE customer_import SET status = CASE WHEN finished_at IS NULL THEN 'FAILED' ELSE 'COMPLETED' END,
                    heartbeat_at = NULL,
                    failure = 'Interrupted: the service stopped while the undo ran; ask for the undo again to finish it.'
                WHERE status = 'UNDOING' AND heartbeat_at < ?""", stale);
        return imports + undos;
    }

    /** Rejected rows hold personal data of people who were never imported: kept for a while only. */
    int forgetRejectionsBefore(Instant before) {
        return jdbc.update("DELETE FROM customer_import_rejection r USING customer_import i WHERE r.import_id = i.id"
                + " AND i.requested_at < ?", Timestamp.from(before));
    }

    private Rejection rejection(ResultSet rs) throws SQLException {
        return new Rejection(rs.getLong("row_number"), json.readValue(rs.getString("reasons"), REASONS),
                json.readValue(rs.getString("cells"), CELLS));
    }

    private ImportView view(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String base = "/api/v1/imports/" + id;
        Instant undoRequestedAt = instant(rs, "undo_requested_at");
        return new ImportView(id, rs.getString("status"), rs.getBoolean("dry_run"), rs.getString("format"),
                rs.getString("file_name"), rs.getObject("file_bytes", Long.class), rs.getString("encoding"),
                rs.getString("delimiter"), rs.getString("layout"), json.readValue(rs.getString("columns"), COLUMNS),
                new ImportView.Progress(rs.getLong("rows_read"), rs.getLong("created_count"),
                        rs.getLong("updated_count"), rs.getLong("unchanged_count"), rs.getLong("rejected_count")),
                rs.getString("failure"), rs.getString("requested_by"), instant(rs, "requested_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"),
                undoRequestedAt == null ? null : new ImportView.Undo(rs.getString("undo_requested_by"), undoRequestedAt,
                        instant(rs, "undone_at"), rs.getLong("removed_count"), rs.getLong("restored_count"),
                        rs.getLong("kept_count")),
                new ImportView.Links(base, base + "/rejections", base + "/rejections.csv"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String limit(String failure) {
        return failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 999) + "…";
    }
}
