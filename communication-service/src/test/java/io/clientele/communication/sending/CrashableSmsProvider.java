package io.clientele.communication.sending;

import io.clientele.communication.Crashes;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The real SMS provider adapter, which {@link Crashes} can make "crash" right after the provider accepted. */
@TestConfiguration(proxyBeanMethods = false)
public class CrashableSmsProvider {

    @Bean
    static BeanPostProcessor crashableSmsProvider() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SmsProvider real && !(bean instanceof Wrapper)) {
                    return new Wrapper(real);
                }
                return bean;
            }
        };
    }

    private record Wrapper(SmsProvider real) implements SmsProvider {
        @Override
        public String name() {
            return real.name();
        }

        @Override
        public String send(Sms sms) throws SmsRefused, ProviderResilience.ProviderUnavailable {
            String id = real.send(sms);
            Crashes.maybeCrashAfterSms();
            return id;
        }
    }
}
