package io.clientele.communication;

import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UseMongo;
import io.clientele.testkit.spring.UseTestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * communication-service on a random port, on MongoDB (real, or the stand-in) and a real Kafka broker,
 * sending to a real SMTP server (GreenMail) and a real HTTP SMS API (WireMock), trusting test tokens.
 * Timings are shortened so that retries, leases and breakers play out in seconds. Every test class
 * using it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.communication.sending.poll-interval=100ms",
        "clientele.communication.sending.recovery-interval=300ms",
        "clientele.communication.sending.lease=4s",
        "clientele.communication.sending.retry-backoff=300ms",
        "clientele.communication.sending.max-attempts=3",
        "clientele.communication.sending.await-contact=2s",
        "clientele.communication.resilience.window=4",
        "clientele.communication.resilience.minimum-calls=4",
        "clientele.communication.resilience.open-for=2s",
        "clientele.communication.resilience.retry-attempts=2",
        "clientele.communication.resilience.retry-backoff=50ms",
        "clientele.outbox.poll-interval=100ms",
        "clientele.outbox.sweep-interval=1s",
        "clientele.communication.erasure.check-interval=500ms",
        "clientele.communication.unsubscribe.public-base-url=https://comm.example.test",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000"})
@ContextConfiguration(initializers = TestProviders.class)
@Import({Crashes.class, io.clientele.communication.sending.CrashableSmsProvider.class})
@UseMongo
@UseKafka
@UseTestTokens
public @interface CommunicationIT {
}
