package io.clientele.customer.scenarios;

import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.inbox.Inbox;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What customer-service reads of {@code scenario.events}: its own trimmed copies of scenario-service's events
 * (platform/contracts has the full schemas), and the reading that tells an event it cannot use from one it has no
 * use for.
 */
final class ScenarioEvents {

    static final String ENROLLMENT_STARTED = "scenario.enrollment-started.v1";
    static final String ENROLLMENT_ENDED = "scenario.enrollment-ended.v1";
    static final String STEP_SCHEDULED = "scenario.step-scheduled.v1";
    static final String STEP_CANCELLED = "scenario.step-cancelled.v1";
    static final String STEP_EXECUTED = "scenario.step-executed.v1";

    private ScenarioEvents() {
    }

    /** One event this service applies: its id, workspace and type, and its data in one of the records below. */
    record Received(String eventId, UUID workspaceId, String type, Object data) {

        /** The inbox's key: the event's workspace and id. */
        Inbox.Delivery delivery() {
            return new Inbox.Delivery(workspaceId, eventId);
        }

        UUID customerId() {
            return switch (data) {
                case EnrollmentV1 enrollment -> enrollment.customerId();
                case StepV1 step -> step.customerId();
                default -> throw new IllegalStateException("not a scenario event: " + data);
            };
        }
    }

    /**
     * An enrollment started (with who or what started it) or ended (with the reason and who ended it).
     *
     * @param at when it started or ended
     */
    record EnrollmentV1(UUID enrollmentId, UUID scenarioId, String scenarioName, UUID customerId, UUID reservationId,
            String by, String reason, Instant at) {
    }

    /**
     * A step scheduled (again, with a new due time, when it moves), cancelled (with the reason) or executed (with its
     * outcome, the reason when skipped, and the send command's request id).
     */
    record StepV1(UUID enrollmentId, UUID scenarioId, String scenarioName, UUID customerId, String stepId,
            String stepType, String title, String channel, Instant dueAt, Instant executedAt, String outcome,
            String reason, String requestId) {

        /** The step within its enrollment: one planned entry per step, moved rather than added again. */
        String sourceId() {
            return enrollmentId + ":" + stepId;
        }
    }

    /** @return the event, or null when it is of a type customer-service does not follow */
    static Received read(byte[] value) throws UnreadableEvent {
        JsonNode event = EventFields.parse(value);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        JsonNode data = envelope.data();
        Object read = switch (envelope.type()) {
            case ENROLLMENT_STARTED, ENROLLMENT_ENDED -> enrollment(check, data, envelope.type());
            case STEP_SCHEDULED, STEP_CANCELLED, STEP_EXECUTED -> step(check, data, envelope.type());
            default -> null;
        };
        check.done();
        return read == null ? null : new Received(envelope.id(), envelope.workspaceId(), envelope.type(), read);
    }

    private static EnrollmentV1 enrollment(EventFields check, JsonNode data, String type) {
        boolean started = type.equals(ENROLLMENT_STARTED);
        return new EnrollmentV1(check.uuid(data, "enrollmentId", "data.enrollmentId", true),
                check.uuid(data, "scenarioId", "data.scenarioId", true),
                check.text(data, "scenarioName", "data.scenarioName", 200, true),
                check.uuid(data, "customerId", "data.customerId", true),
                started ? check.uuid(data, "reservationId", "data.reservationId", false) : null,
                started ? check.text(data, "startedBy", "data.startedBy", 200, true)
                        : check.text(data, "endedBy", "data.endedBy", 200, true),
                started ? null : check.text(data, "reason", "data.reason", 100, true),
                started ? check.instant(data, "startedAt", "data.startedAt", true)
                        : check.instant(data, "endedAt", "data.endedAt", true));
    }

    private static StepV1 step(EventFields check, JsonNode data, String type) {
        boolean executed = type.equals(STEP_EXECUTED);
        String outcome = executed ? check.text(data, "outcome", "data.outcome", 20, true) : null;
        return new StepV1(check.uuid(data, "enrollmentId", "data.enrollmentId", true),
                check.uuid(data, "scenarioId", "data.scenarioId", true),
                check.text(data, "scenarioName", "data.scenarioName", 200, true),
                check.uuid(data, "customerId", "data.customerId", true),
                check.text(data, "stepId", "data.stepId", 40, true),
                check.text(data, "stepType", "data.stepType", 20, true),
                check.text(data, "title", "data.title", 200, true),
                type.equals(STEP_SCHEDULED) ? check.text(data, "channel", "data.channel", 20, false) : null,
                check.instant(data, "dueAt", "data.dueAt", true),
                executed ? check.instant(data, "executedAt", "data.executedAt", true) : null, outcome,
                executed || type.equals(STEP_CANCELLED) ? check.text(data, "reason", "data.reason", 300,
                        type.equals(STEP_CANCELLED)) : null,
                executed ? check.text(data, "requestId", "data.requestId", 200, false) : null);
    }
}
