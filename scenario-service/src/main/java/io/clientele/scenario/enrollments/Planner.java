package io.clientele.scenario.enrollments;

import io.clientele.scenario.definitions.Definition;
import io.clientele.scenario.definitions.Definition.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * S-4: turns the path ahead of an enrollment into planned steps with due times. Waits only move the time on;
 * sends and conditions are planned. Planning stops at a condition (its branch is planned when it is decided) or
 * at the end. A send whose time has already passed when it is planned (a reminder for a reservation booked
 * an hour ahead) is recorded as skipped with the reason, never sent late.
 */
final class Planner {

    static final String PASSED = "due at %s, already past when it was planned: not sent late";

    /** One step to record: PLANNED, or SKIPPED with the reason. */
    record Draft(Step step, Instant dueAt, Duration anchorOffset, String status, String outcome) {
    }

    private Planner() {
    }

    /**
     * @param from             the first step to plan
     * @param reservationStart the start of the enrollment's reservation, or null when it has none
     */
    static List<Draft> plan(Definition definition, Step from, Instant now, Instant reservationStart) {
        List<Draft> drafts = new ArrayList<>();
        Instant due = now;
        Duration offset = null;
        for (Step step = from; step != null; step = definition.after(step)) {
            switch (step.type()) {
                case WAIT -> {
                    due = due.plus(step.duration());
                    offset = offset == null ? null : offset.plus(step.duration());
                }
                case WAIT_UNTIL -> {
                    offset = step.relativeToReservationStart();
                    due = reservationStart.plus(offset);
                }
                case SEND -> drafts.add(due.isBefore(now)
                        ? new Draft(step, due, offset, "SKIPPED", PASSED.formatted(due))
                        : new Draft(step, due, offset, "PLANNED", null));
                case CONDITION -> {
                    // a condition decided late is still decided: it sends nothing itself
                    drafts.add(new Draft(step, due.isBefore(now) ? now : due, offset, "PLANNED", null));
                    return drafts;
                }
                case END -> {
                    return drafts;
                }
            }
        }
        return drafts;
    }
}
