package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.Definition;
import io.clientele.scenario.definitions.Definition.ExitRule;
import io.clientele.scenario.definitions.Definition.ReEntry;
import io.clientele.scenario.definitions.Definition.Step;
import io.clientele.scenario.definitions.Scenarios;
import io.clientele.scenario.definitions.Scenarios.ScenarioVersion;
import io.clientele.scenario.enrollments.PlannedSteps.EnrollmentRow;
import io.clientele.scenario.enrollments.ReadModel.CustomerFacts;
import io.clientele.scenario.enrollments.ReadModel.ReservationFacts;
import io.clientele.scenario.enrollments.ScenarioEventsOutbound.Context;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * S-3/S-4: enrollments change here, always inside the caller's transaction: entering (entry and re-entry rules),
 * planning steps with their timers, moving them with a rescheduled reservation, and ending (exit rules, staff,
 * completion). Every change is announced on {@code scenario.events} through the outbox.
 */
@Service
class Enrollments {

    /** Started, or why not. */
    record Entry(UUID enrollmentId, String refusal) {
    }

    private final PlannedSteps store;
    private final ReadModel readModel;
    private final Timers timers;
    private final ScenarioEventsOutbound outbound;
    private final Scenarios scenarios;

    Enrollments(PlannedSteps store, ReadModel readModel, Timers timers, ScenarioEventsOutbound outbound,
            Scenarios scenarios) {
        this.store = store;
        this.readModel = readModel;
        this.timers = timers;
        this.outbound = outbound;
        this.scenarios = scenarios;
    }

    Entry start(UUID workspaceId, ScenarioVersion scenario, UUID customerId, ReservationFacts reservation,
            String startedBy, Instant now) {
        Definition definition = scenario.definition();
        store.lock(workspaceId, scenario.scenarioId(), customerId);
        String refusal = refusal(workspaceId, scenario, customerId, reservation, now);
        if (refusal != null) {
            return new Entry(null, refusal);
        }
        UUID id = UUID.randomUUID();
        UUID reservationId = reservation == null ? null : reservation.id();
        store.insertEnrollment(workspaceId, id, scenario.scenarioId(), scenario.version(), customerId, reservationId,
                startedBy, now);
        Context at = new Context(workspaceId, id, scenario.scenarioId(), definition, customerId);
        outbound.started(at, scenario.version(), reservationId, startedBy, now);
        plan(at, definition.first(), reservation == null ? null : reservation.startsAt(), now);
        completeIfDone(at, now);
        return new Entry(id, null);
    }

    /** The entry rules: a synced customer for reservation triggers, re-entry, and no exit rule already met. */
    private String refusal(UUID workspaceId, ScenarioVersion scenario, UUID customerId, ReservationFacts reservation,
            Instant now) {
        Definition definition = scenario.definition();
        CustomerFacts customer = readModel.customer(workspaceId, customerId).orElse(null);
        if (customer != null && customer.erased()) {
            return "the customer was erased";
        }
        if (definition.trigger().aboutAReservation()) {
            if (customer == null || !customer.synced()) {
                return "reservation scenarios run only for customers synced with a booking system";
            }
            if (reservation == null) {
                return "the scenario is about a reservation: name one of the customer's reservations";
            }
        }
        List<EnrollmentRow> earlier = store.earlier(workspaceId, scenario.scenarioId(), customerId);
        ReEntry reEntry = definition.reEntry();
        boolean refused = switch (reEntry) {
            case ONCE -> !earlier.isEmpty();
            case ONCE_PER_RESERVATION -> earlier.stream().anyMatch(e -> reservation != null
                    && reservation.id().equals(e.reservationId()));
            case ALWAYS -> false;
            case AFTER_COOLDOWN -> earlier.stream().anyMatch(e -> e.startedAt().plus(definition.cooldown())
                    .isAfter(now));
        };
        if (refused) {
            return "re-entry " + reEntry + ": the customer was in this scenario before";
        }
        ExitRule met = metExit(definition, customer, reservation);
        return met == null ? null : "exit rule " + met + " already holds";
    }

    private static ExitRule metExit(Definition definition, CustomerFacts customer, ReservationFacts reservation) {
        if (definition.exitWhen().contains(ExitRule.CUSTOMER_BLOCKED) && customer != null
                && "BLOCKED".equals(customer.status())) {
            return ExitRule.CUSTOMER_BLOCKED;
        }
        if (definition.exitWhen().contains(ExitRule.UNSUBSCRIBED) && customer != null
                && "UNSUBSCRIBED".equals(customer.subscription())) {
            return ExitRule.UNSUBSCRIBED;
        }
        if (definition.exitWhen().contains(ExitRule.RESERVATION_CANCELLED) && reservation != null
                && "CANCELLED".equals(reservation.status())) {
            return ExitRule.RESERVATION_CANCELLED;
        }
        return null;
    }

    /** Plans the path from a step: each planned step gets its timer; each is announced. */
    void plan(Context at, Step from, Instant reservationStart, Instant now) {
        for (Planner.Draft draft : Planner.plan(at.definition(), from, now, reservationStart)) {
            UUID stepId = UUID.randomUUID();
            store.insertStep(at.workspaceId(), at.enrollmentId(), stepId, draft);
            if (draft.status().equals("PLANNED")) {
                timers.set(stepId, draft.dueAt());
                outbound.scheduled(at, draft.step(), draft.dueAt());
            } else {
                outbound.executed(at, draft.step(), draft.dueAt(), now, "SKIPPED", draft.outcome(), null);
            }
        }
    }

    /** Ends the enrollment when nothing is left to do. */
    void completeIfDone(Context at, Instant now) {
        completeIfDone(List.of(at), now);
    }

    /** Ends those of the enrollments that have nothing left to do, in one statement, each announced. */
    void completeIfDone(Collection<Context> enrollments, Instant now) {
        Set<UUID> ended = store.completeIfNothingPlanned(enrollments.stream().map(Context::enrollmentId).toList(),
                now);
        for (Context at : enrollments) {
            if (ended.contains(at.enrollmentId())) {
                outbound.ended(at, "COMPLETED", "system:scenario-service", now);
            }
        }
    }

    /** Ends a running enrollment: its planned steps are cancelled with the reason. */
    void end(UUID workspaceId, EnrollmentRow enrollment, String reason, String endedBy, Instant now) {
        Context at = context(workspaceId, enrollment);
        for (PlannedSteps.Row step : store.steps(enrollment.id())) {
            if (step.status().equals("PLANNED")) {
                store.finish(step.id(), "CANCELLED", reason, now);
                outbound.cancelled(at, step.stepId(), step.type(), step.title(), step.dueAt(), reason);
            }
        }
        store.end(enrollment.id(), reason, now);
        outbound.ended(at, reason, endedBy, now);
    }

    /** An exit rule became true: the enrollments it applies to end (about one reservation, or all the customer's). */
    void exit(UUID workspaceId, UUID customerId, UUID reservationId, ExitRule rule, Instant now) {
        List<EnrollmentRow> running = reservationId != null ? store.activeAbout(workspaceId, reservationId)
                : store.activeOf(workspaceId, customerId);
        end(workspaceId, running, rule, now);
    }

    /** The customer booked or completed a visit: enrollments about any other reservation that say so end. */
    void nextReservation(UUID workspaceId, UUID customerId, UUID reservationId, Instant now) {
        end(workspaceId, store.activeOf(workspaceId, customerId).stream()
                .filter(enrollment -> !reservationId.equals(enrollment.reservationId())).toList(),
                ExitRule.NEXT_RESERVATION, now);
    }

    private void end(UUID workspaceId, List<EnrollmentRow> running, ExitRule rule, Instant now) {
        for (EnrollmentRow enrollment : running) {
            if (definition(workspaceId, enrollment).exitWhen().contains(rule)) {
                end(workspaceId, enrollment, rule.name(), "system:scenario-service", now);
            }
        }
    }

    /**
     * A reservation moved: steps timed from its start move with it; one that would now fall in the past is
     * skipped with the reason rather than sent late.
     */
    void reschedule(UUID workspaceId, ReservationFacts reservation, Instant now) {
        for (EnrollmentRow enrollment : store.activeAbout(workspaceId, reservation.id())) {
            Context at = context(workspaceId, enrollment);
            for (PlannedSteps.Row row : store.steps(enrollment.id())) {
                if (!row.status().equals("PLANNED") || row.anchorOffset() == null) {
                    continue;
                }
                Instant due = reservation.startsAt().plus(row.anchorOffset());
                Step step = at.definition().step(row.stepId());
                if (due.isBefore(now) && step.type() == Definition.StepType.SEND) {
                    String reason = "moved by a reschedule to " + due + ", already past: not sent late";
                    store.finish(row.id(), "SKIPPED", reason, now);
                    outbound.executed(at, step, due, now, "SKIPPED", reason, null);
                } else if (!due.equals(row.dueAt())) {
                    // a condition moved into the past is decided now
                    Instant moved = due.isBefore(now) ? now : due;
                    store.move(row.id(), moved);
                    timers.set(row.id(), moved);
                    outbound.scheduled(at, step, moved);
                }
            }
            completeIfDone(at, now);
        }
    }

    /** Erasure: every enrollment of the customer and their steps go, without a word on the wire. */
    void forget(UUID workspaceId, UUID customerId) {
        store.forget(workspaceId, customerId);
        outbound.forgetWaiting(workspaceId, customerId);
    }

    Context context(UUID workspaceId, EnrollmentRow enrollment) {
        return new Context(workspaceId, enrollment.id(), enrollment.scenarioId(), definition(workspaceId, enrollment),
                enrollment.customerId());
    }

    private Definition definition(UUID workspaceId, EnrollmentRow enrollment) {
        return scenarios.definition(workspaceId, enrollment.scenarioId(), enrollment.version());
    }
}
