package io.clientele.communication.outbox;

/**
 * A collection whose documents carry pending events in the field {@link EventOutbox#FIELD}; a feature
 * declares one as a bean and the relay watches it.
 */
public record OutboxSource(String collection) {
}
