package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.NameCollation;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Enrollments and their planned steps in PostgreSQL. */
@Repository
class PlannedSteps {

    /** A planned step with what running it needs of its enrollment. */
    record Due(UUID id, UUID workspaceId, UUID enrollmentId, UUID scenarioId, int version, UUID customerId,
            UUID reservationId, String stepId, String type, String title, Instant dueAt, String status, boolean active,
            ReservationFacts reservation) {
    }

    record Row(UUID id, String stepId, String type, String title, Instant dueAt, Duration anchorOffset, String status,
            String outcome, Instant doneAt) {
    }

    record EnrollmentRow(UUID id, UUID scenarioId, int version, UUID customerId, UUID reservationId, boolean active,
            Instant startedAt, String startedBy, Instant endedAt, String endReason) {
    }

    private final JdbcTemplate jdbc;

    PlannedSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises decisions about one customer in one scenario (entry rules read, then write). */
    void lock(UUID workspaceId, UUID scenarioId, UUID customerId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class,
                workspaceId + "/" + scenarioId + "/" + customerId);
    }

    void insertEnrollment(UUID workspaceId, UUID id, UUID scenarioId, int version, UUID customerId, UUID reservationId,
            String startedBy, Instant now) {
        jdbc.update("""
                INSERT INTO enrollment (id, workspace_id, scenario_id, scenario_version, customer_id, reservation_id,
                                        active, started_at, started_by)
                VALUES (?, ?, ?, ?, ?, ?, true, ?, ?)""", id, workspaceId, scenarioId, version, customerId,
                reservationId, Timestamp.from(now), startedBy);
    }

    void insertStep(UUID workspaceId, UUID enrollmentId, UUID id, Planner.Draft draft) {
        jdbc.update("""
                INSERT INTO planned_step (id, workspace_id, enrollment_id, step_id, type, title, due_at, anchor_seconds,
                                          status, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, workspaceId, enrollmentId, draft.step().id(),
                draft.step().type().name(), draft.step().title(), Timestamp.from(draft.dueAt()),
                draft.anchorOffset() == null ? null : draft.anchorOffset().toSeconds(), draft.status(), draft.outcome());
    }

    /** Earlier enrollments of the customer in the scenario, for the re-entry rule. */
    List<EnrollmentRow> earlier(UUID workspaceId, UUID scenarioId, UUID customerId) {
        return jdbc.query("""
                SELECT id, scenario_id, scenario_version, customer_id, reservation_id, active, started_at, started_by,
                       ended_at, end_reason
                  FROM enrollment WHERE workspace_id = ? AND scenario_id = ? AND customer_id = ?""",
                PlannedSteps::enrollment, workspaceId, scenarioId, customerId);
    }

    Optional<EnrollmentRow> enrollment(UUID workspaceId, UUID id) {
        return jdbc.query("""
                SELECT id, scenario_id, scenario_version, customer_id, reservation_id, active, started_at, started_by,
                       ended_at, end_reason
                  FROM enrollment WHERE workspace_id = ? AND id = ?""", PlannedSteps::enrollment,
                workspaceId, id).stream().findFirst();
    }

    /** The enrollment, locked until the transaction ends: for changing it. */
    Optional<EnrollmentRow> enrollmentForUpdate(UUID workspaceId, UUID id) {
        return jdbc.query("""
                SELECT id, scenario_id, scenario_version, customer_id, reservation_id, active, started_at, started_by,
                       ended_at, end_reason
                  FROM enrollment WHERE workspace_id = ? AND id = ? FOR UPDATE""", PlannedSteps::enrollment,
                workspaceId, id).stream().findFirst();
    }

    List<EnrollmentRow> activeOf(UUID workspaceId, UUID customerId) {
        return jdbc.query("""
                SELECT id, scenario_id, scenario_version, customer_id, reservation_id, active, started_at, started_by,
                       ended_at, end_reason
                  FROM enrollment WHERE workspace_id = ? AND customer_id = ? AND active ORDER BY started_at, id""",
                PlannedSteps::enrollment, workspaceId, customerId);
    }

    /** The customer's running enrollments by their scenario's name (the version's) in the user's language. */
    List<EnrollmentRow> activeOfByName(UUID workspaceId, UUID customerId, NameCollation collation) {
        return jdbc.query("""
                SELECT e.id, e.scenario_id, e.scenario_version, e.customer_id, e.reservation_id, e.active, e.started_at,
                       e.started_by, e.ended_at, e.end_reason
                  FROM enrollment e JOIN scenario_version v ON v.workspace_id = e.workspace_id
                                       AND v.scenario_id = e.scenario_id AND v.version = e.scenario_version
                 WHERE e.workspace_id = ? AND e.customer_id = ? AND e.active
                 ORDER BY v.definition ->> 'name' """ + collation.sql() + ", e.started_at, e.id",
                PlannedSteps::enrollment, workspaceId, customerId);
    }

    /** Every enrollment of the customer, running and ended. */
    List<EnrollmentRow> allOf(UUID workspaceId, UUID customerId) {
        return jdbc.query("""
                SELECT id, scenario_id, scenario_version, customer_id, reservation_id, active, started_at, started_by,
                       ended_at, end_reason
                  FROM enrollment WHERE workspace_id = ? AND customer_id = ? ORDER BY started_at, id""",
                PlannedSteps::enrollment, workspaceId, customerId);
    }

    List<EnrollmentRow> activeAbout(UUID workspaceId, UUID reservationId) {
        return jdbc.query("""
                SELECT id, scenario_id, scenario_version, customer_id, reservation_id, active, started_at, started_by,
                       ended_at, end_reason
                  FROM enrollment WHERE workspace_id = ? AND reservation_id = ? AND active ORDER BY started_at, id""",
                PlannedSteps::enrollment, workspaceId, reservationId);
    }

    List<Row> steps(UUID enrollmentId) {
        return jdbc.query("""
                SELECT id, step_id, type, title, due_at, anchor_seconds, status, outcome, done_at FROM planned_step
                 WHERE enrollment_id = ? ORDER BY due_at, step_id""", (rs, n) -> new Row(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getObject(6) == null ? null : Duration.ofSeconds(rs.getLong(6)), rs.getString(7), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()), enrollmentId);
    }

    /**
     * The steps with their enrollments (and the reservation an enrollment is about), locked: of two instances that
     * fire one step at once, one waits and finds it done. Locked in one order (enrollment, step), so two batches
     * that share rows wait for each other rather than deadlock.
     */
    List<Due> lockDue(Collection<UUID> ids) {
        return jdbc.query("""
                SELECT s.id, s.workspace_id, s.enrollment_id, e.scenario_id, e.scenario_version, e.customer_id,
                       e.reservation_id, s.step_id, s.type, s.title, s.due_at, s.status, e.active,
                       r.status, r.service, r.staff, r.location, r.starts_at, r.ends_at, r.customer_id
                  FROM planned_step s JOIN enrollment e ON e.id = s.enrollment_id
                  LEFT JOIN reservation r ON r.workspace_id = e.workspace_id AND r.id = e.reservation_id
                 WHERE s.id = ANY (?) ORDER BY e.id, s.id FOR UPDATE OF s, e""",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())), (rs, n) -> {
                    UUID customerId = rs.getObject(6, UUID.class);
                    UUID reservationId = rs.getObject(7, UUID.class);
                    // an enrollment about a reservation the read model no longer holds (erased) runs without it
                    ReservationFacts reservation = reservationId == null || rs.getString(14) == null ? null
                            : new ReservationFacts(reservationId, rs.getObject(20, UUID.class), rs.getString(14), rs.getString(15),
                                    rs.getString(16), rs.getString(17), rs.getTimestamp(18).toInstant(),
                                    rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant());
                    return new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getInt(5), customerId,
                            reservationId, rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getBoolean(13), reservation);
                });
    }

    void finish(UUID id, String status, String outcome, Instant now) {
        jdbc.update("UPDATE planned_step SET status = ?, outcome = ?, done_at = ? WHERE id = ?", status, outcome,
                Timestamp.from(now), id);
    }

    /** Several steps finished alike in one statement (the sends of a batch of due steps). */
    void finishAll(Collection<UUID> ids, String status, String outcome, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE planned_step SET status = ?, outcome = ?, done_at = ? WHERE id = ANY (?)", ps -> {
            ps.setString(1, status);
            ps.setString(2, outcome);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setArray(4, ps.getConnection().createArrayOf("uuid", ids.toArray()));
        });
    }

    void move(UUID id, Instant dueAt) {
        jdbc.update("UPDATE planned_step SET due_at = ? WHERE id = ?", Timestamp.from(dueAt), id);
    }

    /**
     * Ends the enrollments as completed that have no step planned any more: the question and the change in one
     * statement for a whole batch of due steps (S-5's throughput). The question is asked per enrollment through the
     * planned steps' index ({@code OFFSET 0} keeps PostgreSQL from turning it into an anti-join, which on the
     * statistics of a table that just grew by a campaign hashed every planned step of every enrollment, on disk).
     *
     * @return the enrollments that ended now
     */
    Set<UUID> completeIfNothingPlanned(Collection<UUID> enrollmentIds, Instant now) {
        if (enrollmentIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query("""
                UPDATE enrollment e SET active = false, ended_at = ?, end_reason = 'COMPLETED'
                 WHERE e.id = ANY (?) AND e.active
                   AND NOT EXISTS (SELECT 1 FROM planned_step s WHERE s.enrollment_id = e.id AND s.status = 'PLANNED'
                                    OFFSET 0)
                RETURNING e.id""", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", enrollmentIds.toArray()));
                }, (rs, n) -> rs.getObject(1, UUID.class)));
    }

    void end(UUID enrollmentId, String reason, Instant now) {
        jdbc.update("UPDATE enrollment SET active = false, ended_at = ?, end_reason = ? WHERE id = ?",
                Timestamp.from(now), reason, enrollmentId);
    }

    /** Erasure: the customer's enrollments and their steps go (the steps with them, by the foreign key). */
    int forget(UUID workspaceId, UUID customerId) {
        // what campaigns did with the customer goes too (the campaign itself, staff's act, stays with its counts)
        jdbc.update("DELETE FROM campaign_member WHERE workspace_id = ? AND customer_id = ?", workspaceId, customerId);
        return jdbc.update("DELETE FROM enrollment WHERE workspace_id = ? AND customer_id = ?", workspaceId, customerId);
    }

    /** A campaign that met the customer, and what it did with them: their part of the export. */
    record CampaignMeeting(UUID campaignId, UUID scenarioId, String outcome, String reason, UUID enrollmentId) {
    }

    List<CampaignMeeting> campaignsOf(UUID workspaceId, UUID customerId) {
        return jdbc.query("""
                SELECT m.campaign_id, c.scenario_id, m.outcome, m.reason, m.enrollment_id FROM campaign_member m
                  JOIN campaign c ON c.workspace_id = m.workspace_id AND c.id = m.campaign_id
                 WHERE m.workspace_id = ? AND m.customer_id = ? ORDER BY c.created_at, c.id""",
                (rs, n) -> new CampaignMeeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class)), workspaceId, customerId);
    }

    private static EnrollmentRow enrollment(ResultSet rs, int n) throws SQLException {
        return new EnrollmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getBoolean(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10));
    }
}
