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
 * move. Every test class shares one application context (Spring Cloud Stream's Kafka binder metrics can deadlock
 * when a second context in the same JVM is stopped). The timers poll often, so a moved clock is seen at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
@UseTestTokens
@Import(TestClock.Configuration.class)
@TestPropertySource(properties = "clientele.scenario.timers.polling-interval=PT0.1S")
public @interface ServiceIT {
}
