package io.clientele.communication.sending;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled          whether this instance sends at all (false: the API and intake answer, messages wait for
 *                         an instance that sends; to pause sending in an incident, or for tests of the log itself)
 * @param workers          threads handing messages to providers at once
 * @param batchSize        messages one worker takes at a time (e-mails of a batch share one SMTP session)
 * @param batchWait        how long a worker that has some messages waits for more to fill its batch
 * @param lease            how long a claimed message is its sender's; after that recovery takes it over
 * @param pollInterval     how often due messages (deferred, planned for later) are looked for
 * @param recoveryInterval how often messages whose sender stopped are looked for
 * @param maxAttempts      delivery attempts before a message fails for good (provider-error)
 * @param retryBackoff     pause before the second attempt; doubles up to maxRetryBackoff
 * @param awaitContact     how long a message for a customer not known yet waits for its customer.created.v1
 */
@ConfigurationProperties("clientele.communication.sending")
record SendingProperties(Boolean enabled, Integer workers, Integer batchSize, Duration batchWait, Duration lease, Duration pollInterval,
        Duration recoveryInterval, Integer maxAttempts, Duration retryBackoff, Duration maxRetryBackoff,
        Duration awaitContact) {

    SendingProperties {
        enabled = enabled == null || enabled;
        workers = workers == null ? 4 : workers;
        batchSize = batchSize == null ? 200 : batchSize;
        batchWait = batchWait == null ? Duration.ofMillis(10) : batchWait;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        recoveryInterval = recoveryInterval == null ? Duration.ofSeconds(10) : recoveryInterval;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        maxRetryBackoff = maxRetryBackoff == null ? Duration.ofHours(1) : maxRetryBackoff;
        awaitContact = awaitContact == null ? Duration.ofMinutes(10) : awaitContact;
    }

    Duration retryAfter(int attempts) {
        long millis = retryBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxRetryBackoff.toMillis()));
    }
}
