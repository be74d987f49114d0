package io.clientele.customer.scenarios;

import io.clientele.platform.messaging.BatchConsumers;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code scenario.events} (the service kit's batch consumer): scenario-service's enrollments and steps feed
 * the timeline. An event that cannot be read goes to {@code scenario.events.dlt} with the reason.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioEventsConsumer {

    static final String TOPIC = "scenario.events";

    @Bean
    Consumer<Message<List<byte[]>>> scenarioEvents(BatchConsumers consumers, ScenarioIngestion ingestion) {
        return consumers.of(TOPIC, ScenarioEvents::read, ingestion::apply);
    }
}
