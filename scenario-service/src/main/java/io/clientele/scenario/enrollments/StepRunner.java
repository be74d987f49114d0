package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.Definition;
import io.clientele.scenario.definitions.Definition.Condition;
import io.clientele.scenario.definitions.Definition.Step;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.enrollments.PlannedSteps.Due;
import io.clientele.scenario.enrollments.ReadModel.CustomerFacts;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import io.clientele.scenario.enrollments.ScenarioEventsOutbound.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * S-5: runs one due step, exactly once. The step row is locked and must still be PLANNED and due; marking it done,
 * the send command and the step's event commit in one transaction, so a timer fired twice (two instances, or a
 * retry after a crash) finds the step done the second time and does nothing.
 */
@Component
class StepRunner {

    private final PlannedSteps store;
    private final ReadModel readModel;
    private final Scenarios scenarios;
    private final Enrollments enrollments;
    private final ScenarioEventsOutbound outbound;
    private final Clock clock;
    private final MeterRegistry meters;

    StepRunner(PlannedSteps store, ReadModel readModel, Scenarios scenarios, Enrollments enrollments,
            ScenarioEventsOutbound outbound, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.readModel = readModel;
        this.scenarios = scenarios;
        this.enrollments = enrollments;
        this.outbound = outbound;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void run(UUID plannedStepId) {
        Instant now = clock.instant();
        Due due = store.lockDue(plannedStepId).orElse(null);
        // gone (erased), done or cancelled already, or moved later (its own timer comes then)
        if (due == null || !due.status().equals("PLANNED") || !due.active() || due.dueAt().isAfter(now)) {
            return;
        }
        Definition definition = scenarios.definition(due.workspaceId(), due.scenarioId(), due.version());
        Step step = definition.step(due.stepId());
        Context at = new Context(due.workspaceId(), due.enrollmentId(), due.scenarioId(), definition, due.customerId());
        ReservationFacts reservation = due.reservationId() == null ? null
                : readModel.reservation(due.workspaceId(), due.reservationId()).orElse(null);
        switch (step.type()) {
            case SEND -> {
                store.finish(due.id(), "DONE", "REQUESTED", now);
                String requestId = outbound.sendRequested(at, step, due.dueAt(), reservation);
                outbound.executed(at, step, due.dueAt(), now, "REQUESTED", null, requestId);
            }
            case CONDITION -> {
                boolean yes = holds(step.condition(), readModel.customer(due.workspaceId(), due.customerId())
                        .orElse(null), reservation);
                store.finish(due.id(), "DONE", yes ? "YES" : "NO", now);
                outbound.executed(at, step, due.dueAt(), now, yes ? "YES" : "NO", null, null);
                String branch = yes ? step.yes() : step.no();
                if (branch != null) {
                    enrollments.plan(at, definition.step(branch), reservation == null ? null : reservation.startsAt(),
                            now);
                }
            }
            default -> throw new IllegalStateException("Only sends and conditions are planned, not " + step.type());
        }
        enrollments.completeIfDone(at, now);
        meters.counter("clientele.scenario.steps.executed", "type", step.type().name()).increment();
        // how late the step ran after its due time: the timers' health (polling interval, threads, instances)
        Timer.builder("clientele.scenario.steps.lateness").description("From a step's due time to its execution")
                .publishPercentiles(0.5, 0.99).register(meters)
                .record(java.time.Duration.between(due.dueAt(), now));
    }

    static boolean holds(Condition condition, CustomerFacts customer, ReservationFacts reservation) {
        String value = switch (condition.field()) {
            case "customer.status" -> customer == null ? null : customer.status();
            case "customer.language" -> customer == null ? null : customer.language();
            case "customer.synced" -> customer == null ? "false" : Boolean.toString(customer.synced());
            case "customer.subscription" -> customer == null ? null : customer.subscription();
            case "reservation.status" -> reservation == null ? null : reservation.status();
            case "reservation.service" -> reservation == null ? null : reservation.service();
            case "reservation.staff" -> reservation == null ? null : reservation.staff();
            case "reservation.location" -> reservation == null ? null : reservation.location();
            default -> throw new IllegalStateException("unknown field " + condition.field());
        };
        boolean same = condition.value().equalsIgnoreCase(String.valueOf(value));
        return condition.equals() == same;
    }
}
