package io.clientele.platform.outbox;

import io.clientele.platform.inbox.Inbox;
import io.clientele.platform.jdbc.PostgresCopy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
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
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
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
        OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                ProducerFactory<?, ?> producerFactory, OutboxProperties properties, ObjectProvider<Clock> clock,
                ObjectProvider<MeterRegistry> meters) {
            // The relay's own producer: String key and CloudEvents JSON value whatever else the service
            // configures, idempotent so Kafka's retries never duplicate or reorder a key's events.
            Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            // Kafka requires delivery.timeout >= linger + request.timeout; the relay waits a little longer
            // than delivery.timeout so every send ends with Kafka's own verdict.
            int deliveryTimeout = (int) properties.sendTimeout().toMillis();
            config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5_000, deliveryTimeout));
            int linger = 5;
            int requestTimeout = Math.max(1_000, deliveryTimeout / 2);
            config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
            // A relay round hands Kafka a few hundred events at once: batches of 16 KB (the default) would
            // split them into many small produce requests per partition.
            config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(deliveryTimeout, linger + requestTimeout));
            config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            DefaultKafkaProducerFactory<String, String> relayProducers = new DefaultKafkaProducerFactory<>(config,
                    new StringSerializer(), new StringSerializer());
            TransactionTemplate transactions = new TransactionTemplate(transactionManager);
            return new OutboxRelay(jdbc, transactions, relayProducers, properties,
                    clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        @ConditionalOnMissingBean
        Outbox outbox(JdbcTemplate jdbc, ObjectProvider<PostgresCopy> copy, OutboxRelay relay,
                ObjectProvider<Clock> clock, Environment environment) {
            String source = environment.getProperty("clientele.events.source",
                    "/" + environment.getProperty("spring.application.name", "clientele"));
            return new JdbcOutbox(jdbc, copy.getIfAvailable(), source, clock.getIfAvailable(Clock::systemUTC),
                    relay::wakeUp);
        }
    }
}
