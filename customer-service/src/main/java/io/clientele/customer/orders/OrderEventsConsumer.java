package io.clientele.customer.orders;

import io.clientele.platform.messaging.BatchConsumers;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code order.events} (the service kit's batch consumer): each order feeds the customer's
 * timeline and overview figures. Unreadable events go to {@code order.events.dlt} with the reason.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

    static final String TOPIC = "order.events";

    @Bean
    Consumer<Message<List<byte[]>>> orderEvents(BatchConsumers consumers, OrderIngestion ingestion) {
        return consumers.of(TOPIC, OrderEvents::read, ingestion::apply);
    }
}
