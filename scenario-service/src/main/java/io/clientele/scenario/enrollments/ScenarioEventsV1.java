package io.clientele.scenario.enrollments;

import java.time.Instant;
import java.util.Map;

/**
 * The integration events of {@code scenario.events} and the send command, as versioned records separate from
 * the engine (platform/contracts has their schemas). Every event is keyed by the customer id.
 */
final class ScenarioEventsV1 {

    static final String TOPIC = "scenario.events";
    static final String ENROLLMENT_STARTED = "scenario.enrollment-started.v1";
    static final String ENROLLMENT_ENDED = "scenario.enrollment-ended.v1";
    static final String STEP_SCHEDULED = "scenario.step-scheduled.v1";
    static final String STEP_CANCELLED = "scenario.step-cancelled.v1";
    static final String STEP_EXECUTED = "scenario.step-executed.v1";
    static final String COMMANDS = "communication.commands";
    static final String SEND_REQUESTED = "communication.send-requested.v1";

    private ScenarioEventsV1() {
    }

    record EnrollmentStartedV1(String enrollmentId, String scenarioId, int scenarioVersion, String scenarioName,
            String customerId, String reservationId, String startedBy, Instant startedAt) {
    }

    record EnrollmentEndedV1(String enrollmentId, String scenarioId, String scenarioName, String customerId,
            String reason, String endedBy, Instant endedAt) {
    }

    record StepScheduledV1(String enrollmentId, String scenarioId, String scenarioName, String customerId,
            String stepId, String stepType, String title, String channel, Instant dueAt) {
    }

    record StepCancelledV1(String enrollmentId, String scenarioId, String scenarioName, String customerId,
            String stepId, String stepType, String title, Instant dueAt, String reason) {
    }

    record StepExecutedV1(String enrollmentId, String scenarioId, String scenarioName, String customerId,
            String stepId, String stepType, String title, Instant dueAt, Instant executedAt, String outcome,
            String reason, String requestId) {
    }

    /** communication.send-requested.v1 as a scenario step sets it. */
    record SendRequestedV1(String requestId, String customerId, String channel, String category, String purpose,
            String templateKey, Object content, String language, Map<String, Object> variables, String scenarioId,
            String stepId, Instant notBefore, String requestedBy) {
    }

    record ReservationV1(String reservationId, Instant startsAt, Instant endsAt, String service, String staff,
            String location) {
    }
}
