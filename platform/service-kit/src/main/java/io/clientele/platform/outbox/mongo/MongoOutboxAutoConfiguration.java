package io.clientele.platform.outbox.mongo;

import io.clientele.platform.observability.EventTracing;
import io.clientele.platform.outbox.OutboxProperties;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.outbox.RelayProducers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The outbox and its relay for services that keep their state in MongoDB: active once the service
 * declares at least one {@link OutboxSource} (a collection whose documents carry events).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
@ConditionalOnBean({MongoTemplate.class, ProducerFactory.class, OutboxSource.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class MongoOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoOutboxStore mongoOutboxStore(MongoTemplate mongo, List<OutboxSource> sources, OutboxProperties properties,
            ObjectProvider<Clock> clock) {
        return new MongoOutboxStore(mongo, sources, clock.getIfAvailable(Clock::systemUTC), properties.sweepInterval(),
                properties.leaseDuration());
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoOutboxStore store, ProducerFactory<?, ?> producerFactory, OutboxProperties properties,
            ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters, ObjectProvider<EventTracing> tracing) {
        return new OutboxRelay(store, RelayProducers.create(producerFactory, properties), properties,
                clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new),
                tracing.getIfAvailable(() -> EventTracing.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    MongoOutbox mongoOutbox(MongoOutboxStore store, OutboxRelay relay, ObjectProvider<Clock> clock,
            ObjectProvider<EventTracing> tracing, Environment environment) {
        String source = environment.getProperty("clientele.events.source",
                "/" + environment.getProperty("spring.application.name", "clientele"));
        return new MongoOutbox(source, clock.getIfAvailable(Clock::systemUTC), store, relay::wakeUp,
                tracing.getIfAvailable(() -> EventTracing.NONE));
    }
}
