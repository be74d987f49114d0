package io.clientele.platform.outbox.mongo;

/**
 * A collection whose documents carry waiting events in the field {@link MongoOutbox#FIELD}; a feature
 * declares one as a bean and the relay watches it.
 */
public record OutboxSource(String collection) {
}
