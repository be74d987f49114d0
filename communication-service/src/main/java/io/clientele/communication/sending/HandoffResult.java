package io.clientele.communication.sending;

import java.time.Instant;

/**
 * What a provider did with a message.
 *
 * <ul>
 *   <li>SENT: accepted (the SMTP server's 250 after DATA; the SMS API's 2xx);</li>
 *   <li>NOT_SENT: certainly not accepted, may be tried again ({@code permanent}: never, e.g. a 5xx for the recipient);</li>
 *   <li>CIRCUIT_OPEN: not tried, the provider's circuit breaker is open until {@code retryAt};</li>
 *   <li>UNKNOWN: the connection broke while the provider had the message; trying again could send it twice.</li>
 * </ul>
 */
record HandoffResult(Outcome outcome, boolean permanent, String providerMessageId, String detail, Instant retryAt) {

    enum Outcome { SENT, NOT_SENT, CIRCUIT_OPEN, UNKNOWN }

    static HandoffResult sent(String providerMessageId) {
        return new HandoffResult(Outcome.SENT, false, providerMessageId, null, null);
    }

    static HandoffResult notSent(boolean permanent, String detail) {
        return new HandoffResult(Outcome.NOT_SENT, permanent, null, detail, null);
    }

    static HandoffResult circuitOpen(Instant retryAt) {
        return new HandoffResult(Outcome.CIRCUIT_OPEN, false, null, "circuit breaker open", retryAt);
    }

    static HandoffResult unknown(String detail) {
        return new HandoffResult(Outcome.UNKNOWN, false, null, detail, null);
    }
}
