package io.clientele.scenario.enrollments;

import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import io.clientele.scenario.definitions.NameCollation;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.definitions.Scenarios.ScenarioVersion;
import io.clientele.scenario.enrollments.PlannedSteps.EnrollmentRow;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** S-3/S-4 for staff: a customer's running scenarios with their planned steps; start one by hand, end one. */
@Service
class CustomerScenarios {

    record StepView(String stepId, String type, String title, Instant dueAt, String status, String outcome,
            Instant doneAt) {
    }

    record EnrollmentView(UUID id, UUID scenarioId, String scenarioName, int scenarioVersion, UUID customerId,
            UUID reservationId, String status, Instant startedAt, String startedBy, Instant endedAt, String endReason,
            List<StepView> steps) {
    }

    /** A planned step of any of the customer's running enrollments (the "planned" list of the customer's card). */
    record PlannedView(UUID enrollmentId, UUID scenarioId, String scenarioName, String stepId, String type,
            String title, String channel, Instant dueAt) {
    }

    private final PlannedSteps store;
    private final ReadModel readModel;
    private final Enrollments enrollments;
    private final Scenarios scenarios;
    private final Clock clock;

    CustomerScenarios(PlannedSteps store, ReadModel readModel, Enrollments enrollments, Scenarios scenarios,
            Clock clock) {
        this.store = store;
        this.readModel = readModel;
        this.enrollments = enrollments;
        this.scenarios = scenarios;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<EnrollmentView> active(UUID workspaceId, UUID customerId, NameCollation collation) {
        return store.activeOfByName(workspaceId, customerId, collation).stream().map(row -> view(workspaceId, row)).toList();
    }

    @Transactional(readOnly = true)
    List<PlannedView> planned(UUID workspaceId, UUID customerId) {
        return store.activeOf(workspaceId, customerId).stream().flatMap(row -> {
            var definition = scenarios.definition(workspaceId, row.scenarioId(), row.version());
            return store.steps(row.id()).stream().filter(step -> step.status().equals("PLANNED"))
                    .map(step -> {
                        var message = definition.step(step.stepId()).message();
                        return new PlannedView(row.id(), row.scenarioId(), definition.name(), step.stepId(),
                                step.type(), step.title(), message == null ? null : message.channel(), step.dueAt());
                    });
        }).sorted(Comparator.comparing(PlannedView::dueAt)).toList();
    }

    @Transactional
    EnrollmentView start(Actor actor, UUID customerId, UUID scenarioId, UUID reservationId) {
        ScenarioVersion scenario = scenarios.current(actor.workspaceId(), scenarioId);
        if (!scenario.active()) {
            throw ConflictException.onField("scenario-paused", "Scenario paused", "scenarioId",
                    "the scenario is paused: activate it first");
        }
        // customer-service announces every customer; one this service never heard of (or erased) is not there
        readModel.customer(actor.workspaceId(), customerId).filter(customer -> !customer.erased())
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        ReservationFacts reservation = null;
        if (reservationId != null) {
            reservation = readModel.reservation(actor.workspaceId(), reservationId)
                    .filter(found -> found.customerId().equals(customerId))
                    .orElseThrow(() -> new NotFoundException("reservation of the customer", reservationId));
        }
        Enrollments.Entry entry = enrollments.start(actor.workspaceId(), scenario, customerId, reservation,
                "staff:" + actor.subject(), clock.instant());
        if (entry.refusal() != null) {
            throw new ConflictException("entry-refused", "The customer cannot enter this scenario", entry.refusal());
        }
        return view(actor.workspaceId(), store.enrollment(actor.workspaceId(), entry.enrollmentId()).orElseThrow());
    }

    @Transactional
    EnrollmentView end(Actor actor, UUID enrollmentId) {
        EnrollmentRow enrollment = store.enrollmentForUpdate(actor.workspaceId(), enrollmentId)
                .orElseThrow(() -> new NotFoundException("enrollment", enrollmentId));
        if (!enrollment.active()) {
            throw new ConflictException("enrollment-ended", "Enrollment already ended",
                    "the enrollment ended (" + enrollment.endReason() + ")");
        }
        enrollments.end(actor.workspaceId(), enrollment, "ENDED_BY_STAFF", "staff:" + actor.subject(),
                clock.instant());
        return view(actor.workspaceId(), store.enrollment(actor.workspaceId(), enrollmentId).orElseThrow());
    }

    /** Every enrollment of the customer, running and ended, with every step: their part of the GDPR export. */
    List<EnrollmentView> all(UUID workspaceId, UUID customerId) {
        return store.allOf(workspaceId, customerId).stream().map(row -> view(workspaceId, row)).toList();
    }

    @Transactional(readOnly = true)
    EnrollmentView one(UUID workspaceId, UUID enrollmentId) {
        return view(workspaceId, store.enrollment(workspaceId, enrollmentId)
                .orElseThrow(() -> new NotFoundException("enrollment", enrollmentId)));
    }

    private EnrollmentView view(UUID workspaceId, EnrollmentRow row) {
        String name = scenarios.definition(workspaceId, row.scenarioId(), row.version()).name();
        return new EnrollmentView(row.id(), row.scenarioId(), name, row.version(), row.customerId(),
                row.reservationId(), row.active() ? "ACTIVE" : "ENDED", row.startedAt(), row.startedBy(), row.endedAt(),
                row.endReason(), store.steps(row.id()).stream().map(step -> new StepView(step.stepId(), step.type(),
                        step.title(), step.dueAt(), step.status(), step.outcome(), step.doneAt())).toList());
    }
}
