package io.clientele.communication.preferences;

import io.clientele.communication.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * A message being handed to its provider right now, registered on the customer's preferences document
 * with a conditional write on its version before the hand-off and removed after the outcome is
 * recorded. A preference change that forbids the message (mute, unsubscribe, channel off) waits for
 * such hand-offs to end before it answers, and no hand-off can start against the changed version: so
 * once a change has answered, no message it forbids leaves. Also the evidence, after a crash, that a
 * hand-off may have happened.
 *
 * @param until after this the hand-off no longer holds preference changes back (its sender died)
 */
public record Handoff(UUID messageId, Channel channel, boolean marketing, boolean orderConfirmation, Instant until) {
}
