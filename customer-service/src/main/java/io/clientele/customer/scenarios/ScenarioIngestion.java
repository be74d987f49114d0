package io.clientele.customer.scenarios;

import io.clientele.customer.customers.Customers;
import io.clientele.customer.scenarios.ScenarioEvents.EnrollmentV1;
import io.clientele.customer.scenarios.ScenarioEvents.Received;
import io.clientele.customer.scenarios.ScenarioEvents.StepV1;
import io.clientele.customer.timeline.PlannedEntry;
import io.clientele.customer.timeline.Timeline;
import io.clientele.customer.timeline.TimelineEntry.Source;
import io.clientele.customer.timeline.TimelineEntry;
import io.clientele.customer.timeline.TimelineType;
import io.clientele.platform.inbox.Inbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies scenario-service's events to the timeline (C-10, S-4), a batch in one transaction: a scheduled step is a
 * planned entry (one per step: scheduled again, it moves), a cancelled one leaves the planned part, an executed or
 * skipped one leaves it for the past; enrollments started and ended are past entries. A customer's events come in
 * order (keyed by the customer); redeliveries are dropped by the inbox; events about customers erased (or never
 * known) are passed by.
 */
@Service
class ScenarioIngestion {

    static final String INBOX = "customer-service:scenario.events";
    static final String STEP_SOURCE = "scenario-step";

    private final Inbox inbox;
    private final Customers customers;
    private final Timeline timeline;

    ScenarioIngestion(Inbox inbox, Customers customers, Timeline timeline) {
        this.inbox = inbox;
        this.customers = customers;
        this.timeline = timeline;
    }

    @Transactional
    void apply(List<Received> batch) {
        List<Received> toApply = customers.aboutExistingCustomers(batch,
                inbox.firstDeliveries(INBOX, batch.stream().map(Received::delivery).toList()), Received::delivery,
                Received::workspaceId, Received::customerId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (Received event : toApply) {
            switch (event.data()) {
                case StepV1 step when event.type().equals(ScenarioEvents.STEP_SCHEDULED) ->
                        timeline.plan(new PlannedEntry(event.workspaceId(), step.customerId(), step.dueAt(),
                                TimelineType.SCENARIO_STEP_PLANNED, step.scenarioName() + ": " + step.title(),
                                stepDetails(step), stepSource(step)));
                case StepV1 step when event.type().equals(ScenarioEvents.STEP_CANCELLED) ->
                        timeline.unplan(event.workspaceId(), step.customerId(), STEP_SOURCE, step.sourceId());
                case StepV1 step -> {
                    timeline.unplan(event.workspaceId(), step.customerId(), STEP_SOURCE, step.sourceId());
                    entries.add(executed(event, step));
                }
                case EnrollmentV1 enrollment -> entries.add(enrollmentEntry(event, enrollment));
                default -> throw new IllegalStateException("not a scenario event: " + event.data());
            }
        }
        timeline.record(entries);
    }

    private static TimelineEntry executed(Received event, StepV1 step) {
        boolean skipped = "SKIPPED".equals(step.outcome());
        String what = switch (step.outcome()) {
            case "REQUESTED" -> "message requested";
            case "YES" -> "condition met";
            case "NO" -> "condition not met";
            case "SKIPPED" -> "skipped" + (step.reason() == null ? "" : " (" + step.reason() + ")");
            default -> step.outcome().toLowerCase(Locale.ROOT);
        };
        return new TimelineEntry(event.workspaceId(), step.customerId(), step.executedAt(),
                skipped ? TimelineType.SCENARIO_STEP_SKIPPED : TimelineType.SCENARIO_STEP_EXECUTED,
                step.scenarioName() + ": " + step.title() + " - " + what, stepDetails(step), stepSource(step),
                event.eventId());
    }

    private static TimelineEntry enrollmentEntry(Received event, EnrollmentV1 enrollment) {
        boolean started = event.type().equals(ScenarioEvents.ENROLLMENT_STARTED);
        String title = started ? "Scenario started: " + enrollment.scenarioName() + by(enrollment.by())
                : "Scenario ended: " + enrollment.scenarioName() + " (" + reason(enrollment.reason()) + ")";
        return new TimelineEntry(event.workspaceId(), enrollment.customerId(), enrollment.at(),
                started ? TimelineType.SCENARIO_STARTED : TimelineType.SCENARIO_ENDED, title,
                TimelineEntry.details("scenarioId", enrollment.scenarioId(), "scenarioName", enrollment.scenarioName(),
                        "enrollmentId", enrollment.enrollmentId(), "reservationId", enrollment.reservationId(),
                        started ? "startedBy" : "endedBy", enrollment.by(), "reason", enrollment.reason()),
                new Source("enrollment", enrollment.enrollmentId().toString(),
                        "/api/v1/customers/" + enrollment.customerId() + "/enrollments"),
                event.eventId());
    }

    private static Map<String, Object> stepDetails(StepV1 step) {
        return TimelineEntry.details("scenarioId", step.scenarioId(), "scenarioName", step.scenarioName(),
                "enrollmentId", step.enrollmentId(), "stepId", step.stepId(), "stepType", step.stepType(),
                "channel", step.channel(), "dueAt", step.dueAt(), "outcome", step.outcome(), "reason", step.reason(),
                "requestId", step.requestId());
    }

    private static Source stepSource(StepV1 step) {
        return new Source(STEP_SOURCE, step.sourceId(), "/api/v1/customers/" + step.customerId() + "/planned-steps");
    }

    /** "staff:eva" reads "by staff (eva)", "trigger:reservation.recorded.v1" reads "on reservation.recorded.v1". */
    private static String by(String startedBy) {
        if (startedBy.startsWith("staff:")) {
            return " by staff (" + startedBy.substring("staff:".length()) + ")";
        }
        return startedBy.startsWith("trigger:") ? " on " + startedBy.substring("trigger:".length()) : "";
    }

    private static String reason(String reason) {
        return switch (reason) {
            case "COMPLETED" -> "completed";
            case "ENDED_BY_STAFF" -> "ended by staff";
            default -> reason.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }
}
