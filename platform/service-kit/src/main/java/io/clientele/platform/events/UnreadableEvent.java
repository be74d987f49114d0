package io.clientele.platform.events;

import io.clientele.platform.problem.FieldViolation;
import java.util.List;

/**
 * An incoming event or command that cannot be applied, with every reason: a consumer dead-letters it,
 * an HTTP intake answers 400 with the same violations.
 */
public final class UnreadableEvent extends Exception {

    private final List<FieldViolation> violations;

    public UnreadableEvent(List<FieldViolation> violations) {
        super(describe(violations), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public static UnreadableEvent of(String field, String code, String message) {
        return new UnreadableEvent(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String describe(List<FieldViolation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
