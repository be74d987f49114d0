package io.clientele.communication.sending;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SendingConfiguration {

    /** The SMS provider: the HTTP adapter, at the configured URL with the configured key. */
    @Bean
    SmsProvider smsProvider(SmsProperties properties) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            LoggerFactory.getLogger(SendingConfiguration.class).warn("No SMS provider API key is set "
                    + "(clientele.communication.sms.api-key, CLIENTELE_COMMUNICATION_SMS_API_KEY); {} is called without one",
                    properties.url());
        }
        return new HttpSmsProvider(properties);
    }
}
