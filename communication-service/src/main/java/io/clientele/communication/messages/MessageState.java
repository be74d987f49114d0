package io.clientele.communication.messages;

/**
 * PLANNED (due now or at notBefore) or DEFERRED (quiet hours, frequency cap, retry after a failure)
 * wait for their due time; SENDING is claimed by one sender under a lease; SENT, SKIPPED and FAILED
 * are final. Every move is a conditional write on the state it leaves.
 */
public enum MessageState {
    PLANNED,
    DEFERRED,
    SENDING,
    SENT,
    SKIPPED,
    FAILED;

    public boolean isFinal() {
        return this == SENT || this == SKIPPED || this == FAILED;
    }
}
