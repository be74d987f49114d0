package io.clientele.orderlink.customers;

import io.clientele.platform.messaging.BatchConsumers;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code customer.events} with the service kit's batch consumer: unreadable events go to
 * {@code customer.events.dlt} with the reason, types this service does not follow are passed by.
 */
@Configuration(proxyBeanMethods = false)
class CustomerEventsConsumer {

    static final String TOPIC = "customer.events";

    @Bean
    Consumer<Message<List<byte[]>>> customerEvents(BatchConsumers consumers, CustomerDirectory directory) {
        return consumers.of(TOPIC, CustomerEventsV1::read, directory::apply);
    }
}
