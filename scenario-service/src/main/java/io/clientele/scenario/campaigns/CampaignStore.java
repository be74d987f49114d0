package io.clientele.scenario.campaigns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Campaigns and the customers they met, in PostgreSQL; every query is scoped by the workspace. */
@Repository
class CampaignStore {

    record Row(UUID id, UUID scenarioId, UUID groupId, String filter, String state, String reason, String cursor,
            Integer expected, int pages, int seen, int enrolled, int skipped, int failed, UUID runToken,
            Instant leaseUntil, String startedBy, Instant createdAt, Instant updatedAt, Instant finishedAt) {
    }

    /** What one page did. */
    record Counts(int seen, int enrolled, int skipped, int failed) {
    }

    private static final String COLUMNS = """
            SELECT id, scenario_id, group_id, filter::text, state, reason, cursor, expected, pages, seen, enrolled,
                   skipped, failed, run_token, lease_until, started_by, created_at, updated_at, finished_at FROM campaign""";

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID workspaceId, UUID id, UUID scenarioId, CampaignSource source, Integer expected, UUID runToken,
            Instant leaseUntil, String startedBy, Instant now) {
        jdbc.update("""
                INSERT INTO campaign (workspace_id, id, scenario_id, group_id, filter, expected, state, run_token,
                                      lease_until, started_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, 'RUNNING', ?, ?, ?, ?, ?)""", workspaceId, id, scenarioId,
                source.groupId(), source.filterJson(), expected, runToken, Timestamp.from(leaseUntil), startedBy,
                Timestamp.from(now), Timestamp.from(now));
    }

    Optional<Row> find(UUID workspaceId, UUID id) {
        return jdbc.query(COLUMNS + " WHERE workspace_id = ? AND id = ?", CampaignStore::row, workspaceId, id).stream()
                .findFirst();
    }

    /** The campaign locked for the rest of the transaction: a page's work and a take-over never interleave. */
    Optional<Row> lock(UUID workspaceId, UUID id) {
        return jdbc.query(COLUMNS + " WHERE workspace_id = ? AND id = ? FOR UPDATE", CampaignStore::row, workspaceId,
                id).stream().findFirst();
    }

    List<Row> ofScenario(UUID workspaceId, UUID scenarioId) {
        return jdbc.query(COLUMNS + " WHERE workspace_id = ? AND scenario_id = ? ORDER BY created_at DESC, id",
                CampaignStore::row, workspaceId, scenarioId);
    }

    /** How many customers were skipped, by reason. */
    Map<String, Integer> skippedBy(UUID workspaceId, UUID id) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        jdbc.query("""
                SELECT reason, count(*) FROM campaign_member WHERE workspace_id = ? AND campaign_id = ? AND outcome = 'SKIPPED'
                 GROUP BY reason ORDER BY count(*) DESC, reason""", rs -> {
            reasons.put(rs.getString(1), rs.getInt(2));
        }, workspaceId, id);
        return reasons;
    }

    /** @return false when the campaign met this customer before (a page read again after a resume) */
    boolean firstMeeting(UUID workspaceId, UUID campaignId, UUID customerId) {
        return jdbc.update("""
                INSERT INTO campaign_member (workspace_id, campaign_id, customer_id, outcome) VALUES (?, ?, ?, 'PENDING')
                ON CONFLICT DO NOTHING""", workspaceId, campaignId, customerId) == 1;
    }

    void outcome(UUID workspaceId, UUID campaignId, UUID customerId, String outcome, String reason, UUID enrollmentId) {
        jdbc.update("""
                UPDATE campaign_member SET outcome = ?, reason = ?, enrollment_id = ?
                 WHERE workspace_id = ? AND campaign_id = ? AND customer_id = ?""", outcome, reason, enrollmentId,
                workspaceId, campaignId, customerId);
    }

    void pageDone(UUID workspaceId, UUID id, String cursor, Counts counts, Instant leaseUntil, boolean last,
            Instant now) {
        jdbc.update("""
                UPDATE campaign SET cursor = ?, pages = pages + 1, seen = seen + ?, enrolled = enrolled + ?,
                       skipped = skipped + ?, failed = failed + ?, lease_until = ?, updated_at = ?,
                       state = CASE WHEN ? THEN 'DONE' ELSE state END,
                       run_token = CASE WHEN ? THEN NULL ELSE run_token END,
                       finished_at = CASE WHEN ? THEN ? ELSE finished_at END
                 WHERE workspace_id = ? AND id = ?""", cursor, counts.seen(), counts.enrolled(), counts.skipped(),
                counts.failed(), Timestamp.from(leaseUntil), Timestamp.from(now), last, last, last,
                Timestamp.from(now), workspaceId, id);
    }

    /** Ends the run that holds the token, with a reason; a run fenced out by a take-over changes nothing. */
    boolean stop(UUID workspaceId, UUID id, UUID runToken, String state, String reason, Instant now) {
        return jdbc.update("""
                UPDATE campaign SET state = ?, reason = ?, run_token = NULL, updated_at = ?,
                       finished_at = CASE WHEN ? = 'FAILED' THEN ? ELSE finished_at END
                 WHERE workspace_id = ? AND id = ? AND run_token = ? AND state = 'RUNNING'""", state, reason,
                Timestamp.from(now), state, Timestamp.from(now), workspaceId, id, runToken) == 1;
    }

    /** Running campaigns whose instance stopped renewing the lease (it died, or lost the database) are interrupted. */
    int interruptAbandoned(Instant now) {
        return jdbc.update("""
                UPDATE campaign SET state = 'INTERRUPTED', run_token = NULL, updated_at = ?,
                       reason = 'the instance running it stopped (its lease ran out at ' || lease_until
                                || '); resume it to continue where it stopped'
                 WHERE state = 'RUNNING' AND lease_until < ?""", Timestamp.from(now), Timestamp.from(now));
    }

    /** A resume takes an interrupted campaign over with a new run token. */
    boolean takeOver(UUID workspaceId, UUID id, UUID runToken, Instant leaseUntil, Instant now) {
        return jdbc.update("""
                UPDATE campaign SET state = 'RUNNING', reason = NULL, run_token = ?, lease_until = ?, updated_at = ?
                 WHERE workspace_id = ? AND id = ? AND state = 'INTERRUPTED'""", runToken, Timestamp.from(leaseUntil),
                Timestamp.from(now), workspaceId, id) == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class),
                rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getObject(14, UUID.class),
                instant(rs, 15), rs.getString(16), instant(rs, 17), instant(rs, 18), instant(rs, 19));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
