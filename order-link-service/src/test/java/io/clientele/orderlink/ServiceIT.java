package io.clientele.orderlink;

import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UsePostgres;
import io.clientele.testkit.spring.UseTestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * order-link-service on a random port, on real PostgreSQL and Kafka, trusting test tokens. Every test class
 * shares one application context: Spring Cloud Stream's Kafka binder metrics can deadlock when a second
 * context in the same JVM is stopped while they poll the consumer lag. So the access log, which
 * {@code TokenMaskingIT} reads, is on for all of them (in a directory of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
@UseTestTokens
@TestPropertySource(properties = {"server.tomcat.accesslog.enabled=true",
        "server.tomcat.accesslog.directory=${java.io.tmpdir}/orderlink-access-${random.uuid}",
        "server.tomcat.accesslog.buffered=false"})
public @interface ServiceIT {
}
