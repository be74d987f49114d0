package io.clientele.scenario.enrollments;

import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.outbox.Outbox;
import io.clientele.scenario.definitions.Definition;
import io.clientele.scenario.definitions.Definition.Step;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import io.clientele.scenario.enrollments.ScenarioEventsV1.EnrollmentEndedV1;
import io.clientele.scenario.enrollments.ScenarioEventsV1.EnrollmentStartedV1;
import io.clientele.scenario.enrollments.ScenarioEventsV1.ReservationV1;
import io.clientele.scenario.enrollments.ScenarioEventsV1.SendRequestedV1;
import io.clientele.scenario.enrollments.ScenarioEventsV1.StepCancelledV1;
import io.clientele.scenario.enrollments.ScenarioEventsV1.StepExecutedV1;
import io.clientele.scenario.enrollments.ScenarioEventsV1.StepScheduledV1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Maps enrollment changes to {@code scenario.events} and send steps to {@code communication.commands}, through
 * the outbox in the transaction of the change: the step marked done and its command commit together or not at
 * all. A transaction's events are written together just before it commits, in the order they were raised (a
 * step's run raises three: one batch instead of three round trips, S-5's throughput).
 */
@Component
class ScenarioEventsOutbound {

    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    ScenarioEventsOutbound(Outbox outbox, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** Who a command or event is about, and in which scenario. */
    record Context(UUID workspaceId, UUID enrollmentId, UUID scenarioId, Definition definition, UUID customerId) {
    }

    void started(Context at, int version, UUID reservationId, String startedBy, Instant now) {
        publish(at, ScenarioEventsV1.ENROLLMENT_STARTED, new EnrollmentStartedV1(at.enrollmentId().toString(),
                at.scenarioId().toString(), version, at.definition().name(), at.customerId().toString(),
                reservationId == null ? null : reservationId.toString(), startedBy, now));
    }

    void ended(Context at, String reason, String endedBy, Instant now) {
        publish(at, ScenarioEventsV1.ENROLLMENT_ENDED, new EnrollmentEndedV1(at.enrollmentId().toString(),
                at.scenarioId().toString(), at.definition().name(), at.customerId().toString(), reason, endedBy, now));
    }

    void scheduled(Context at, Step step, Instant dueAt) {
        publish(at, ScenarioEventsV1.STEP_SCHEDULED, new StepScheduledV1(at.enrollmentId().toString(),
                at.scenarioId().toString(), at.definition().name(), at.customerId().toString(), step.id(),
                step.type().name(), step.title(), step.message() == null ? null : step.message().channel(), dueAt));
    }

    void cancelled(Context at, String stepId, String type, String title, Instant dueAt, String reason) {
        publish(at, ScenarioEventsV1.STEP_CANCELLED, new StepCancelledV1(at.enrollmentId().toString(),
                at.scenarioId().toString(), at.definition().name(), at.customerId().toString(), stepId, type, title,
                dueAt, reason));
    }

    void executed(Context at, Step step, Instant dueAt, Instant now, String outcome, String reason,
            String requestId) {
        publish(at, ScenarioEventsV1.STEP_EXECUTED, new StepExecutedV1(at.enrollmentId().toString(),
                at.scenarioId().toString(), at.definition().name(), at.customerId().toString(), step.id(),
                step.type().name(), step.title(), dueAt, now, outcome, reason, requestId));
    }

    /**
     * Asks communication-service to send a step's message. Its request id is the enrollment and the step, so
     * however often the step is retried, one message goes; whether it goes at all is the policy's call (muted,
     * unsubscribed from marketing, no address: skipped with the reason, naming this scenario and step).
     */
    String sendRequested(Context at, Step step, Instant dueAt, ReservationFacts reservation) {
        String requestId = requestId(at.enrollmentId(), step.id());
        Map<String, Object> variables = new LinkedHashMap<>();
        if (reservation != null) {
            variables.put("reservation", new ReservationV1(reservation.id().toString(), reservation.startsAt(),
                    reservation.endsAt(), reservation.service(), reservation.staff(), reservation.location()));
        }
        publish(new OutgoingEvent(ScenarioEventsV1.COMMANDS, ScenarioEventsV1.SEND_REQUESTED, at.workspaceId(),
                at.customerId().toString(), new SendRequestedV1(requestId, at.customerId().toString(),
                        step.message().channel(), step.message().category(),
                        reservation != null ? "RESERVATION" : "GENERAL", step.message().templateKey(), null, null,
                        variables.isEmpty() ? null : variables, at.scenarioId().toString(), step.id(), dueAt,
                        "system:scenario-service")));
        return requestId;
    }

    static String requestId(UUID enrollmentId, String stepId) {
        return "scenario:" + enrollmentId + ":" + stepId;
    }

    /**
     * Erasure: the customer's events and commands still held in the outbox go with the rest. Keyed by the
     * customer id, and the workspace is checked in the CloudEvent itself.
     */
    void forgetWaiting(UUID workspaceId, UUID customerId) {
        @SuppressWarnings("unchecked")
        List<OutgoingEvent> raised = TransactionSynchronizationManager.isSynchronizationActive()
                ? (List<OutgoingEvent>) TransactionSynchronizationManager.getResource(this) : null;
        if (raised != null) {
            // raised earlier in this transaction (a batch of events about the customer), not written yet
            raised.removeIf(event -> event.workspaceId().equals(workspaceId)
                    && event.subject().equals(customerId.toString()));
        }
        jdbc.update("""
                DELETE FROM platform.outbox_event WHERE topic IN (?, ?) AND message_key = ?
                   AND payload::jsonb ->> 'workspaceid' = ?""", ScenarioEventsV1.TOPIC, ScenarioEventsV1.COMMANDS,
                customerId.toString(), workspaceId.toString());
    }

    private void publish(Context at, String type, Object data) {
        publish(new OutgoingEvent(ScenarioEventsV1.TOPIC, type, at.workspaceId(), at.customerId().toString(), data));
    }

    private void publish(OutgoingEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            outbox.publish(event); // refuses: the outbox is written only inside the change's transaction
            return;
        }
        @SuppressWarnings("unchecked")
        List<OutgoingEvent> raised = (List<OutgoingEvent>) TransactionSynchronizationManager.getResource(this);
        if (raised == null) {
            List<OutgoingEvent> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    outbox.publishAll(events);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ScenarioEventsOutbound.this);
                }
            });
            raised = events;
        }
        raised.add(event);
    }
}
