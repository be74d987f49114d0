package io.clientele.scenario.timers;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many enrollments at once, each with one planned send step and its timer, written the way the service's planner
 * writes them (Enrollments.plan: the enrollment, the PLANNED step, db-scheduler's row with the id
 * {@code <step id>@<due epoch millis>}) but in three set-based statements: starting 100,000 enrollments through the
 * API or the event flow would measure the planner, not the timers. The scenario itself is created through the API,
 * so the definition the steps run is a validated one.
 */
public final class DueSteps {

    private DueSteps() {
    }

    /**
     * @param stepId the scenario's send step
     * @param firstDue when the first step falls due; the others follow evenly over {@code spread}
     * @return the enrollments, each of which should ask for its message exactly once
     */
    public static List<UUID> seed(JdbcTemplate jdbc, UUID workspace, UUID scenario, String stepId, int count,
            Instant firstDue, Duration spread) {
        jdbc.update("""
                WITH numbered AS MATERIALIZED (
                    SELECT n, gen_random_uuid() AS enrollment_id, gen_random_uuid() AS step_id,
                           ?::timestamptz + make_interval(secs => ? * n / 1e6) AS due_at
                      FROM generate_series(0, ? - 1) n),
                enrollments AS (
                    INSERT INTO enrollment (id, workspace_id, scenario_id, scenario_version, customer_id, active,
                                            started_at, started_by)
                    SELECT enrollment_id, ?, ?, 1, gen_random_uuid(), true, now(), 'system:seed' FROM numbered),
                steps AS (
                    INSERT INTO planned_step (id, workspace_id, enrollment_id, step_id, type, title, due_at, status)
                    SELECT step_id, ?, enrollment_id, ?, 'SEND', coalesce((SELECT s ->> 'title'
                             FROM scenario_version v, jsonb_array_elements(v.definition -> 'steps') s
                            WHERE v.workspace_id = ? AND v.scenario_id = ? AND v.version = 1 AND s ->> 'id' = ?),
                             'send'), due_at, 'PLANNED'
                      FROM numbered)
                INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                SELECT 'scenario-step', step_id || '@' || floor(extract(epoch FROM due_at) * 1000)::bigint, due_at,
                       false, 1
                  FROM numbered""", Timestamp.from(firstDue), count == 0 ? 0 : spread.toNanos() / 1000 / count, count,
                workspace, scenario, workspace, stepId, workspace, scenario, stepId);
        return jdbc.queryForList("SELECT id FROM enrollment WHERE workspace_id = ? AND scenario_id = ?", UUID.class,
                workspace, scenario);
    }

    /** The request id the step's send command carries (ScenarioEventsOutbound.requestId). */
    public static String requestId(UUID enrollment, String stepId) {
        return "scenario:" + enrollment + ":" + stepId;
    }
}
