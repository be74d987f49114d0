package io.clientele.communication.sending;

/**
 * An SMS provider behind one small interface, so another provider is one more implementation. A
 * provider must accept an idempotency key: the same key twice sends one SMS, which is what makes a
 * retry after a timeout or a crash safe.
 */
interface SmsProvider {

    /** For the message log and metrics, e.g. sms-http. */
    String name();

    /** @return the provider's id of the accepted message */
    String send(Sms sms) throws SmsRefused, ProviderResilience.ProviderUnavailable;

    /**
     * @param idempotencyKey the same for every attempt of one message (its id)
     * @param to             E.164
     * @param from           a sender id or number
     */
    record Sms(String idempotencyKey, String to, String from, String text) {
    }

    /** The provider refused this message for good (an invalid number, a text it does not take). */
    final class SmsRefused extends Exception {
        SmsRefused(String message) {
            super(message, null, false, false);
        }
    }
}
