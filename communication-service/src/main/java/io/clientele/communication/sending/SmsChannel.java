package io.clientele.communication.sending;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * SMS through the configured {@link SmsProvider}, behind its circuit breaker, with quick retries of
 * provider failures: safe, because every attempt carries the message's id as the idempotency key.
 */
@Component
class SmsChannel {

    private final SmsProvider provider;
    private final ProviderResilience resilience;

    SmsChannel(SmsProvider provider, ProviderResilience resilience) {
        this.provider = provider;
        this.resilience = resilience;
    }

    String providerName() {
        return provider.name();
    }

    HandoffResult send(UUID messageId, String to, String from, String text) {
        CircuitBreaker breaker = resilience.breaker(ProviderResilience.SMS);
        Retry retry = resilience.retry(ProviderResilience.SMS, failure -> failure instanceof ProviderResilience.ProviderUnavailable);
        SmsProvider.Sms sms = new SmsProvider.Sms(messageId.toString(), to, from, text);
        try {
            String id = retry.executeCheckedSupplier(() -> {
                breaker.acquirePermission();
                long started = System.nanoTime();
                try {
                    String accepted = provider.send(sms);
                    breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return accepted;
                } catch (ProviderResilience.ProviderUnavailable unavailable) {
                    breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, unavailable);
                    throw unavailable;
                } catch (SmsProvider.SmsRefused refused) {
                    // The provider works; it does not take this message.
                    breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    throw refused;
                }
            });
            return HandoffResult.sent(id);
        } catch (CallNotPermittedException open) {
            return HandoffResult.circuitOpen(resilience.reopensAt(ProviderResilience.SMS));
        } catch (SmsProvider.SmsRefused refused) {
            return HandoffResult.notSent(true, refused.getMessage());
        } catch (Throwable unavailable) {
            if (unavailable instanceof Error error) {
                throw error;
            }
            return HandoffResult.notSent(false, unavailable.getMessage());
        }
    }
}
