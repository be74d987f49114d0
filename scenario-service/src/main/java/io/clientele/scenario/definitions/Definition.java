package io.clientele.scenario.definitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * S-1: one version of a scenario as the engine reads it, always valid ({@link DefinitionReader} made it). The
 * first step runs first; a step goes on to its {@code next} step, or to the one after it in the list; a
 * condition goes to its {@code yes} or {@code no} step (none: the enrollment ends there).
 */
public record Definition(String name, Trigger trigger, ReEntry reEntry, Duration cooldown, Set<ExitRule> exitWhen,
        List<Step> steps) {

    public Definition {
        exitWhen = Set.copyOf(exitWhen);
        steps = List.copyOf(steps);
    }

    /** What starts an enrollment: a reservation change customer-service recorded, a new customer, a birthday, or staff. */
    public enum Trigger {
        RESERVATION_CREATED("CREATED"),
        RESERVATION_RESCHEDULED("RESCHEDULED"),
        RESERVATION_CANCELLED("CANCELLED"),
        RESERVATION_COMPLETED("COMPLETED"),
        RESERVATION_NO_SHOW("NO_SHOW"),
        CUSTOMER_CREATED(null),
        /** the customer's birthday, at the configured local time (29 February: 28 February in other years) */
        BIRTHDAY(null),
        /** started only by staff: by hand for one customer, or by a campaign for a group or a filter */
        MANUAL(null),
        /** the same as MANUAL, named for scenarios meant for campaigns */
        CAMPAIGN(null);

        private final String reservationChange;

        Trigger(String reservationChange) {
            this.reservationChange = reservationChange;
        }

        /** Reservation triggers start enrollments about one reservation, and only for synced customers. */
        public boolean aboutAReservation() {
            return reservationChange != null;
        }

        /** The trigger of a change of {@code reservation.recorded.v1}, or null. */
        public static Trigger ofReservationChange(String change) {
            for (Trigger trigger : values()) {
                if (change.equals(trigger.reservationChange)) {
                    return trigger;
                }
            }
            return null;
        }
    }

    /** Whether a customer may enter the scenario again. */
    public enum ReEntry {
        ONCE, ONCE_PER_RESERVATION, ALWAYS, AFTER_COOLDOWN
    }

    /**
     * What ends a running enrollment early. NEXT_RESERVATION: the customer booked or completed another visit (a
     * reactivation waits from the last visit, so each new one starts it afresh).
     */
    public enum ExitRule {
        RESERVATION_CANCELLED, CUSTOMER_BLOCKED, UNSUBSCRIBED, NEXT_RESERVATION
    }

    public enum StepType {
        WAIT, WAIT_UNTIL, SEND, CONDITION, END
    }

    /** A message to ask communication-service for; its policy decides whether it goes. */
    public record Message(String templateKey, String channel, String category) {
    }

    /** {@code field} compared with {@code value} (as text; booleans as "true"/"false"). */
    public record Condition(String field, boolean equals, String value) {
    }

    /**
     * @param duration                   WAIT: how long
     * @param relativeToReservationStart WAIT_UNTIL: e.g. -PT24H for a day before the reservation starts
     */
    public record Step(String id, StepType type, String title, String next, Duration duration,
            Duration relativeToReservationStart, Message message, Condition condition, String yes, String no) {
    }

    public Step first() {
        return steps.get(0);
    }

    public Step step(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No step " + id + " in " + name));
    }

    /** The step a non-branching step goes on to, or null at the end. */
    public Step after(Step step) {
        if (step.type() == StepType.END || step.type() == StepType.CONDITION) {
            return null;
        }
        if (step.next() != null) {
            return step(step.next());
        }
        int index = steps.indexOf(step);
        return index + 1 < steps.size() ? steps.get(index + 1) : null;
    }

    /** Every step a step may go on to. */
    public List<Step> successors(Step step) {
        List<Step> successors = new ArrayList<>();
        if (step.type() == StepType.CONDITION) {
            if (step.yes() != null) {
                successors.add(step(step.yes()));
            }
            if (step.no() != null) {
                successors.add(step(step.no()));
            }
        } else if (after(step) != null) {
            successors.add(after(step));
        }
        return successors;
    }
}
