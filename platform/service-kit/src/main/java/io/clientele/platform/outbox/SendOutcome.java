package io.clientele.platform.outbox;

import java.util.List;

/**
 * What Kafka made of one batch of pending events.
 *
 * @param acknowledged sent and acknowledged: the store may forget them
 * @param refused      refused for good (too large, an invalid topic): kept by the store for operators, never retried
 * @param failed       tried and not acknowledged (Kafka unreachable, a timeout), with why; they stay pending
 * @param failure      why the events not acknowledged wait, or null when none does
 */
public record SendOutcome<P>(List<PendingEvent<P>> acknowledged, List<Refusal<P>> refused, List<Refusal<P>> failed,
        String failure) {

    /** An event and why Kafka did not take it. */
    public record Refusal<P>(PendingEvent<P> event, String reason) {
    }
}
