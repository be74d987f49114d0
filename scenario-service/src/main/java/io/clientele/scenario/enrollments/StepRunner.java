package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.Definition;
import io.clientele.scenario.definitions.Definition.Condition;
import io.clientele.scenario.definitions.Definition.Step;
import io.clientele.scenario.definitions.Definition.StepType;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.enrollments.PlannedSteps.Due;
import io.clientele.scenario.enrollments.ReadModel.CustomerFacts;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import io.clientele.scenario.enrollments.ScenarioEventsOutbound.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * S-5: runs due steps, each exactly once. The step rows are locked and must still be PLANNED and due; marking them
 * done, their send commands and their events commit in one transaction with the removal of the timers that fired
 * them, so a timer fired twice (two instances, or a retry after a crash) finds its step done the second time and
 * does nothing.
 * <p>
 * Several steps go in one transaction ({@link DueStepBatches} collects those the timer threads fire together): one
 * lock query, one update of the sends, one batch of outbox rows, one completion query and one commit for the lot,
 * instead of each for every step (S-5's throughput).
 */
@Component
class StepRunner {

    /** A step its timer fired; {@code timerId} is the db-scheduler instance to remove with the run, or null. */
    record Fired(UUID stepId, String timerId) {
    }

    private final PlannedSteps store;
    private final ReadModel readModel;
    private final Scenarios scenarios;
    private final Enrollments enrollments;
    private final ScenarioEventsOutbound outbound;
    private final Timers timers;
    private final Clock clock;
    private final Counter sends;
    private final Counter conditions;
    private final Timer lateness;

    StepRunner(PlannedSteps store, ReadModel readModel, Scenarios scenarios, Enrollments enrollments,
            ScenarioEventsOutbound outbound, Timers timers, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.readModel = readModel;
        this.scenarios = scenarios;
        this.enrollments = enrollments;
        this.outbound = outbound;
        this.timers = timers;
        this.clock = clock;
        this.sends = meters.counter("clientele.scenario.steps.executed", "type", StepType.SEND.name());
        this.conditions = meters.counter("clientele.scenario.steps.executed", "type", StepType.CONDITION.name());
        // how late the step ran after its due time: the timers' health (polling interval, threads, instances)
        this.lateness = Timer.builder("clientele.scenario.steps.lateness")
                .description("From a step's due time to its execution").publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Runs one step (its timer, if any, is left to db-scheduler). */
    @Transactional
    public void run(UUID plannedStepId) {
        runAll(List.of(new Fired(plannedStepId, null)));
    }

    @Transactional
    public void runAll(List<Fired> fired) {
        Instant now = clock.instant();
        List<UUID> sent = new ArrayList<>();
        Map<UUID, Context> touched = new LinkedHashMap<>();
        for (Due due : store.lockDue(fired.stream().map(Fired::stepId).collect(Collectors.toSet()))) {
            // done or cancelled already, or moved later (its own timer comes then); a step gone (erased) is not found
            if (!due.status().equals("PLANNED") || !due.active() || due.dueAt().isAfter(now)) {
                continue;
            }
            Definition definition = scenarios.definition(due.workspaceId(), due.scenarioId(), due.version());
            Step step = definition.step(due.stepId());
            Context at = touched.computeIfAbsent(due.enrollmentId(), id -> new Context(due.workspaceId(), id,
                    due.scenarioId(), definition, due.customerId()));
            ReservationFacts reservation = due.reservation();
            switch (step.type()) {
                case SEND -> {
                    sent.add(due.id());
                    String requestId = outbound.sendRequested(at, step, due.dueAt(), reservation);
                    outbound.executed(at, step, due.dueAt(), now, "REQUESTED", null, requestId);
                    sends.increment();
                }
                case CONDITION -> {
                    boolean yes = holds(step.condition(), readModel.customer(due.workspaceId(), due.customerId())
                            .orElse(null), reservation);
                    store.finish(due.id(), "DONE", yes ? "YES" : "NO", now);
                    outbound.executed(at, step, due.dueAt(), now, yes ? "YES" : "NO", null, null);
                    String branch = yes ? step.yes() : step.no();
                    if (branch != null) {
                        enrollments.plan(at, definition.step(branch),
                                reservation == null ? null : reservation.startsAt(), now);
                    }
                    conditions.increment();
                }
                default -> throw new IllegalStateException("Only sends and conditions are planned, not " + step.type());
            }
            lateness.record(Duration.between(due.dueAt(), now));
        }
        store.finishAll(sent, "DONE", "REQUESTED", now);
        enrollments.completeIfDone(touched.values(), now);
        timers.removeFired(fired.stream().map(Fired::timerId).filter(Objects::nonNull).toList());
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
