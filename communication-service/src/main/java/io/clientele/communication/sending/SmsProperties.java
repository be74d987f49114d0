package io.clientele.communication.sending;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url    the provider's API base URL (from the environment in production)
 * @param apiKey the provider's API key (a secret: from the environment, never committed)
 */
@ConfigurationProperties("clientele.communication.sms")
record SmsProperties(URI url, String apiKey, Duration connectTimeout, Duration readTimeout) {

    SmsProperties {
        url = url == null ? URI.create("http://localhost:3030") : url;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
