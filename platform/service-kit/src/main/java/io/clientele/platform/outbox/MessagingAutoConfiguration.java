package io.clientele.platform.outbox;

import io.clientele.platform.inbox.Inbox;
import io.clientele.platform.jdbc.PostgresCopy;
import io.clientele.platform.observability.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and its relay for services with a relational database and Kafka, and the inbox for any
 * service with a relational database.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        KafkaAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(JdbcTemplate jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(name = "org.postgresql.PGConnection")
    PostgresCopy postgresCopy(DataSource dataSource) {
        return new PostgresCopy(dataSource);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnBean(ProducerFactory.class)
    static class OutboxConfiguration {

        @Bean
        JdbcOutboxStore jdbcOutboxStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                OutboxProperties properties) {
            return new JdbcOutboxStore(jdbc, new TransactionTemplate(transactionManager), properties.retention(),
                    properties.inboxRetention());
        }

        @Bean
        OutboxRelay outboxRelay(JdbcOutboxStore store, ProducerFactory<?, ?> producerFactory,
                OutboxProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
                ObjectProvider<EventTracing> tracing) {
            return new OutboxRelay(store, RelayProducers.create(producerFactory, properties), properties,
                    clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new),
                    tracing.getIfAvailable(() -> EventTracing.NONE));
        }

        @Bean
        @ConditionalOnMissingBean
        Outbox outbox(JdbcTemplate jdbc, ObjectProvider<PostgresCopy> copy, OutboxRelay relay,
                ObjectProvider<Clock> clock, ObjectProvider<EventTracing> tracing, Environment environment) {
            String source = environment.getProperty("clientele.events.source",
                    "/" + environment.getProperty("spring.application.name", "clientele"));
            return new JdbcOutbox(jdbc, copy.getIfAvailable(), source, clock.getIfAvailable(Clock::systemUTC),
                    relay::wakeUp, tracing.getIfAvailable(() -> EventTracing.NONE));
        }
    }
}
