package io.clientele.scenario;

import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UsePostgres;
import io.clientele.testkit.spring.UseTestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * scenario-service on a random port, on real PostgreSQL and Kafka, trusting test tokens, on a clock the tests
 * move, with customer-service played by a real HTTP server ({@link CustomerServiceStandIn}). Every test class shares one application context (Spring Cloud Stream's Kafka binder metrics can deadlock
 * when a second context in the same JVM is stopped). The timers poll often, so a moved clock is seen at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
@UseTestTokens
@Import({TestClock.Configuration.class, CustomerServiceStandIn.Configuration.class})
@TestPropertySource(properties = {"clientele.scenario.timers.polling-interval=PT0.1S",
        // a down customer-service opens the breaker after 3 failed calls, and it tries again 2 s later
        "clientele.scenario.customer-service.breaker.minimum-calls=3",
        "clientele.scenario.customer-service.breaker.open-for=PT2S",
        "clientele.scenario.customer-service.timeout=PT5S"})
public @interface ServiceIT {
}
