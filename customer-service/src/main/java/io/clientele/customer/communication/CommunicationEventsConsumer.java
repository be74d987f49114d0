package io.clientele.customer.communication;

import io.clientele.customer.kafka.ConsumedBatch;
import io.clientele.customer.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code communication.events} (Spring Cloud Stream, batch mode): preferences feed the list's
 * subscription column, every event the timeline. An event that cannot be read goes to
 * {@code communication.events.dlt} with the reason; types this service does not follow are passed by.
 */
@Configuration(proxyBeanMethods = false)
class CommunicationEventsConsumer {

    static final String TOPIC = "communication.events";

    @Bean
    Consumer<Message<List<byte[]>>> communicationEvents(CommunicationIngestion ingestion, DeadLetters deadLetters,
            MeterRegistry meters) {
        return message -> {
            List<CommunicationEvents.Received> readable = new ArrayList<>();
            for (ConsumedBatch.Record record : ConsumedBatch.of(TOPIC, message)) {
                try {
                    CommunicationEvents.Received event = CommunicationEvents.read(record.value());
                    if (event != null) {
                        readable.add(event);
                    }
                } catch (CommunicationEvents.Unreadable unreadable) {
                    deadLetters.send(record, unreadable.getMessage());
                }
            }
            if (!readable.isEmpty()) {
                int applied = ingestion.apply(readable);
                meters.counter("clientele.communication.events", "outcome", "applied").increment(applied);
                meters.counter("clientele.communication.events", "outcome", "skipped")
                        .increment(readable.size() - applied);
            }
        };
    }
}
