package io.clientele.platform.messaging;

import io.clientele.platform.events.UnreadableEvent;

/**
 * Reads one record's bytes into a consumer's own trimmed event record.
 *
 * @param <T> what the consumer applies
 */
@FunctionalInterface
public interface EventReader<T> {

    /**
     * @return the event, or null for a readable event of a type this consumer does not follow (passed by)
     * @throws UnreadableEvent when it breaks its contract: it is dead-lettered with the violations
     */
    T read(byte[] value) throws UnreadableEvent;
}
