package io.clientele.communication.integration.in;

import io.clientele.platform.problem.FieldViolation;
import java.util.List;

/** An event or command that cannot be applied, with every reason: it goes to the dead-letter topic. */
final class UnreadableEvent extends Exception {

    UnreadableEvent(List<FieldViolation> violations) {
        super(String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList()), null, false, false);
    }
}
