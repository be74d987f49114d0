package io.clientele.testkit.spring;

import io.clientele.testkit.infra.Infrastructure;
import io.clientele.testkit.tokens.TestTokens;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a test's application context at the infrastructure its class asks for with {@link UsePostgres},
 * {@link UseKafka}, {@link UseMongo} and {@link UseTestTokens} (directly or through a meta-annotation).
 * Test classes asking for the same pieces share one cached context.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    enum Piece { POSTGRES, KAFKA, MONGO, TOKENS }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        Set<Piece> pieces = EnumSet.noneOf(Piece.class);
        if (TestContextAnnotationUtils.hasAnnotation(testClass, UsePostgres.class)) {
            pieces.add(Piece.POSTGRES);
        }
        if (TestContextAnnotationUtils.hasAnnotation(testClass, UseKafka.class)) {
            pieces.add(Piece.KAFKA);
        }
        if (TestContextAnnotationUtils.hasAnnotation(testClass, UseMongo.class)) {
            pieces.add(Piece.MONGO);
        }
        if (TestContextAnnotationUtils.hasAnnotation(testClass, UseTestTokens.class)) {
            pieces.add(Piece.TOKENS);
        }
        return pieces.isEmpty() ? null : new InfrastructureCustomizer(pieces);
    }

    record InfrastructureCustomizer(Set<Piece> pieces) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (pieces.contains(Piece.POSTGRES)) {
                Infrastructure.Postgres postgres = Infrastructure.postgres();
                properties.put("spring.datasource.url", postgres.jdbcUrl());
                properties.put("spring.datasource.username", postgres.username());
                properties.put("spring.datasource.password", postgres.password());
            }
            if (pieces.contains(Piece.KAFKA)) {
                String bootstrap = Infrastructure.kafkaBootstrapServers();
                properties.put("spring.kafka.bootstrap-servers", bootstrap);
                properties.put("spring.cloud.stream.kafka.binder.brokers", bootstrap);
            }
            if (pieces.contains(Piece.MONGO)) {
                properties.put("spring.mongodb.uri", Infrastructure.mongoUri());
            }
            if (pieces.contains(Piece.TOKENS)) {
                properties.put("clientele.security.jwt.hmac-secret", TestTokens.secret());
                properties.put("clientele.security.jwt.jwk-set-uri", "");
            }
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("clienteleTestInfrastructure", properties));
        }
    }
}
