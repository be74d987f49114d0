package io.clientele.communication.preferences;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param drainTimeout how long a mute, unsubscribe or channel switch-off waits for hand-offs already in
 *                     progress before it answers (a hand-off takes milliseconds; this bounds a stuck one)
 */
@ConfigurationProperties("clientele.communication.preferences")
record PreferencesProperties(Duration drainTimeout) {

    PreferencesProperties {
        drainTimeout = drainTimeout == null ? Duration.ofSeconds(15) : drainTimeout;
    }
}
