package io.clientele.communication.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled        whether this instance relays (every instance may; one relays at a time)
 * @param pollInterval   the longest wait for new events before looking again
 * @param sweepInterval  how often documents are searched for events that no hint announced (written by
 *                       another instance, or before a crash)
 * @param batchSize      documents taken per round
 * @param sendTimeout    how long Kafka may take to acknowledge a round
 * @param initialBackoff first pause after Kafka failed; doubles up to maxBackoff
 * @param maxBackoff     longest pause while Kafka is unreachable
 * @param leaseDuration  how long the relay lease lasts without renewal (another instance takes over after)
 */
@ConfigurationProperties("clientele.communication.outbox")
record RelayProperties(Boolean enabled, Duration pollInterval, Duration sweepInterval, Integer batchSize,
        Duration sendTimeout, Duration initialBackoff, Duration maxBackoff, Duration leaseDuration) {

    RelayProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(250) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(15) : maxBackoff;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
    }
}
