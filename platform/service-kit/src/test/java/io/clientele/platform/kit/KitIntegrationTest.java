package io.clientele.platform.kit;

import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UsePostgres;
import io.clientele.testkit.spring.UseTestTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The kit's test service on a random port, with real PostgreSQL and Kafka and test tokens. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
@UseTestTokens
public @interface KitIntegrationTest {
}
