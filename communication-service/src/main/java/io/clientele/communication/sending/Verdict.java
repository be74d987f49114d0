package io.clientele.communication.sending;

import io.clientele.communication.messages.Message;
import java.time.Instant;
import java.util.List;

/**
 * What the policy decided for a message at this moment, with every rule it checked.
 *
 * @param dueAt when to look again (DEFER)
 */
record Verdict(Kind kind, String reasonCode, String reason, Instant dueAt, List<Message.Check> checks) {

    enum Kind { SEND, DEFER, SKIP }

    /** Deferrals the customer's timeline shows as planned (the others are the service's own waiting). */
    boolean announcesSchedule() {
        return kind == Kind.DEFER && ("not-before".equals(reasonCode) || "quiet-hours".equals(reasonCode)
                || "frequency-cap".equals(reasonCode));
    }
}
