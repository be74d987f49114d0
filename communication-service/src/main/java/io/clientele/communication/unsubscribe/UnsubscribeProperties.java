package io.clientele.communication.unsubscribe;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret          HMAC-SHA256 key of the links (at least 32 bytes); from the environment, never committed
 * @param previousSecrets keys of links already sent that still verify after a rotation
 * @param publicBaseUrl   where recipients reach {@code /u/{token}} (the gateway's public address in production)
 */
@ConfigurationProperties("clientele.communication.unsubscribe")
record UnsubscribeProperties(String secret, List<String> previousSecrets, URI publicBaseUrl) {

    UnsubscribeProperties {
        previousSecrets = previousSecrets == null ? List.of() : List.copyOf(previousSecrets);
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8082") : publicBaseUrl;
    }
}
