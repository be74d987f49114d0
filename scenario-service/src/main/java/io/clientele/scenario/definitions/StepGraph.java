package io.clientele.scenario.definitions;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.scenario.definitions.Definition.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a definition's steps: every step is reached from the first (otherwise it can never run), and no
 * step leads back to itself (a scenario runs forward only; a loop would send for ever).
 */
final class StepGraph {

    private StepGraph() {
    }

    static List<FieldViolation> check(Definition definition) {
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            index.put(definition.steps().get(i).id(), i);
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<Step> todo = new ArrayDeque<>(List.of(definition.first()));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            if (reached.add(step.id())) {
                todo.addAll(definition.successors(step));
            }
        }
        for (Step step : definition.steps()) {
            if (!reached.contains(step.id())) {
                violations.add(new FieldViolation("steps[" + index.get(step.id()) + "]", "never-runs",
                        "no path from the first step reaches step " + step.id() + ": it can never run"));
            }
        }
        // depth-first search: a step met again while still on the path is a loop
        Map<String, Integer> state = new HashMap<>();
        for (Step step : definition.steps()) {
            String loopAt = loop(definition, step, state);
            if (loopAt != null) {
                violations.add(new FieldViolation("steps[" + index.get(loopAt) + "]", "loop", "step " + loopAt
                        + " leads back to itself: a scenario runs forward only"));
                break;
            }
        }
        return violations;
    }

    /** @return a step on a loop, or null; state: 1 on the current path, 2 done */
    private static String loop(Definition definition, Step step, Map<String, Integer> state) {
        Integer seen = state.get(step.id());
        if (seen != null) {
            return seen == 1 ? step.id() : null;
        }
        state.put(step.id(), 1);
        for (Step successor : definition.successors(step)) {
            String found = loop(definition, successor, state);
            if (found != null) {
                return found;
            }
        }
        state.put(step.id(), 2);
        return null;
    }
}
