package io.clientele.customer.communication;

import io.clientele.platform.messaging.BatchConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code communication.events} (the service kit's batch consumer): preferences feed the list's
 * subscription column, every event the timeline. An event that cannot be read goes to
 * {@code communication.events.dlt} with the reason; types this service does not follow are passed by.
 */
@Configuration(proxyBeanMethods = false)
class CommunicationEventsConsumer {

    static final String TOPIC = "communication.events";

    @Bean
    Consumer<Message<List<byte[]>>> communicationEvents(BatchConsumers consumers, CommunicationIngestion ingestion,
            MeterRegistry meters) {
        return consumers.of(TOPIC, CommunicationEvents::read, events -> {
            int applied = ingestion.apply(events);
            meters.counter("clientele.communication.events", "outcome", "applied").increment(applied);
            meters.counter("clientele.communication.events", "outcome", "skipped").increment(events.size() - applied);
        });
    }
}
