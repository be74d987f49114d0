package io.clientele.scenario.enrollments;

import io.clientele.platform.messaging.BatchConsumers;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code customer.events} and {@code communication.events} with the service kit's batch consumer:
 * unreadable events go to {@code <topic>.dlt} with the reason, types this service does not follow are passed by.
 */
@Configuration(proxyBeanMethods = false)
class IncomingEventsConsumer {

    @Bean
    Consumer<Message<List<byte[]>>> customerEvents(BatchConsumers consumers, IncomingEvents events) {
        return consumers.of("customer.events", IncomingEventsV1::readCustomerEvent, events::applyCustomerEvents);
    }

    @Bean
    Consumer<Message<List<byte[]>>> communicationEvents(BatchConsumers consumers, IncomingEvents events) {
        return consumers.of("communication.events", IncomingEventsV1::readCommunicationEvent,
                events::applyCommunicationEvents);
    }
}
