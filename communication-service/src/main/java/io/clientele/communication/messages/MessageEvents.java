package io.clientele.communication.messages;

import java.time.Instant;

/**
 * Domain events of the message log; integration.out turns them into communication.message-*.v1.
 * {@code language} is the language of the template chosen (null before one was).
 */
public final class MessageEvents {

    private MessageEvents() {
    }

    /** Planned for later: a requested notBefore, quiet hours or the frequency cap. */
    public record MessageScheduled(Message message, String language, Instant dueAt, String reasonCode, String reason,
            Instant at) {
    }

    public record MessageSent(Message message, String language, int attempt, String provider, Instant at) {
    }

    public record MessageSkipped(Message message, String language, String reasonCode, String reason, Instant at) {
    }

    public record MessageFailed(Message message, String language, String reasonCode, String reason, int attempts,
            Instant at) {
    }
}
