package io.clientele.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay's settings, {@code clientele.outbox.*} in every service whatever its store.
 *
 * @param relayEnabled    whether this instance relays (every instance may; one relays at a time)
 * @param pollInterval    how often the relay looks for events written by other instances or missed wake-ups
 * @param batchSize       events sent per round (for MongoDB: documents read per round)
 * @param sendTimeout     how long the relay waits for Kafka to acknowledge a round
 * @param initialBackoff  first pause after Kafka failed; doubles up to maxBackoff
 * @param maxBackoff      longest pause between attempts while Kafka is unreachable
 * @param retention       (PostgreSQL) how long published events are kept for inspection before being deleted;
 *                        zero (the default) deletes each as soon as Kafka acknowledged it, which is far cheaper
 *                        than rewriting the row to mark it (Kafka keeps the events anyway)
 * @param inboxRetention  (PostgreSQL) how long processed event ids are remembered (longer than any redelivery)
 * @param cleanupInterval how often what is past retention is deleted
 * @param sweepInterval   (MongoDB) how often documents are searched for events no write announced to this
 *                        instance (written by another instance, or before a crash)
 * @param leaseDuration   (MongoDB) how long the relay lease lasts without renewal; another instance takes over after
 */
@ConfigurationProperties("clientele.outbox")
public record OutboxProperties(
        Boolean relayEnabled,
        Duration pollInterval,
        Integer batchSize,
        Duration sendTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration retention,
        Duration inboxRetention,
        Duration cleanupInterval,
        Duration sweepInterval,
        Duration leaseDuration) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize == null ? 1000 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(250) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(15) : maxBackoff;
        retention = retention == null ? Duration.ZERO : retention;
        inboxRetention = inboxRetention == null ? Duration.ofDays(30) : inboxRetention;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
    }
}
