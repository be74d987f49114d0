package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.scenario.definitions.Definition;
import io.clientele.scenario.definitions.Definition.Condition;
import io.clientele.scenario.definitions.Definition.Message;
import io.clientele.scenario.definitions.Definition.ReEntry;
import io.clientele.scenario.definitions.Definition.Step;
import io.clientele.scenario.definitions.Definition.StepType;
import io.clientele.scenario.definitions.Definition.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Message SMS = new Message("t", "SMS", "TRANSACTIONAL");

    static Step waitFor(String id, Duration duration) {
        return new Step(id, StepType.WAIT, id, null, duration, null, null, null, null, null);
    }

    static Step waitUntil(String id, Duration relative) {
        return new Step(id, StepType.WAIT_UNTIL, id, null, null, relative, null, null, null, null);
    }

    static Step send(String id) {
        return new Step(id, StepType.SEND, id, null, null, null, SMS, null, null, null);
    }

    static Definition definition(Trigger trigger, Step... steps) {
        return new Definition("d", trigger, ReEntry.ALWAYS, null, Set.of(), List.of(steps));
    }

    @Test
    void waitsAddUpAndOnlySendsArePlanned() {
        Definition definition = definition(Trigger.MANUAL, waitFor("a", Duration.ofHours(2)), send("first"),
                waitFor("b", Duration.ofDays(1)), send("second"));

        List<Planner.Draft> drafts = Planner.plan(definition, definition.first(), NOW, null);

        assertThat(drafts).extracting(draft -> draft.step().id(), Planner.Draft::dueAt, Planner.Draft::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", NOW.plus(Duration.ofHours(2)), "PLANNED"),
                        org.assertj.core.groups.Tuple.tuple("second", NOW.plus(Duration.ofHours(26)), "PLANNED"));
        assertThat(drafts).allSatisfy(draft -> assertThat(draft.anchorOffset()).isNull());
    }

    @Test
    void stepsTimedFromTheReservationKeepTheirOffsetAndOnesAlreadyPastAreSkipped() {
        Definition definition = definition(Trigger.RESERVATION_CREATED, waitUntil("w24", Duration.ofHours(-24)),
                send("r24"), waitUntil("w2", Duration.ofHours(-2)), send("r2"), waitFor("after", Duration.ofHours(3)),
                send("thanks"));
        Instant start = NOW.plus(Duration.ofHours(5));

        List<Planner.Draft> drafts = Planner.plan(definition, definition.first(), NOW, start);

        assertThat(drafts).extracting(Planner.Draft::status).containsExactly("SKIPPED", "PLANNED", "PLANNED");
        assertThat(drafts.get(0).outcome()).contains("already past when it was planned");
        assertThat(drafts.get(1).dueAt()).isEqualTo(start.minus(Duration.ofHours(2)));
        assertThat(drafts.get(1).anchorOffset()).isEqualTo(Duration.ofHours(-2));
        assertThat(drafts.get(2).anchorOffset()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void planningStopsAtAConditionAndAtTheEnd() {
        Step check = new Step("check", StepType.CONDITION, "check", null, null, null, null,
                new Condition("customer.status", true, "REGULAR"), "yes", null);
        Definition definition = definition(Trigger.MANUAL, waitFor("w", Duration.ofHours(1)), check, send("yes"));

        assertThat(Planner.plan(definition, definition.first(), NOW, null)).singleElement()
                .satisfies(draft -> assertThat(draft.step().id()).isEqualTo("check"));
        Definition ended = definition(Trigger.MANUAL, send("a"),
                new Step("end", StepType.END, "end", null, null, null, null, null, null, null));
        assertThat(Planner.plan(ended, ended.first(), NOW, null)).hasSize(1);
    }

    @Test
    void aConditionDecidesOnTheCustomersFields() {
        ReadModel.CustomerFacts regular = new ReadModel.CustomerFacts(true, "REGULAR", "cs", null, false, null, null);
        assertThat(StepRunner.holds(new Condition("customer.status", true, "REGULAR"), regular, null)).isTrue();
        assertThat(StepRunner.holds(new Condition("customer.status", false, "REGULAR"), regular, null)).isFalse();
        assertThat(StepRunner.holds(new Condition("customer.synced", true, "true"), regular, null)).isTrue();
        assertThat(StepRunner.holds(new Condition("reservation.status", true, "BOOKED"), regular, null)).isFalse();
    }
}
