package io.clientele.customer.integration.out;

import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * customer-service owns customer.events; it declares it, and the topics it reads and dead-letters into,
 * so that a fresh cluster needs no manual step and its consumers never subscribe to a topic that another
 * service is still creating with fewer partitions (a consumer sees partitions added later only at its
 * next metadata refresh, minutes afterwards). Every service declares a topic with the same count.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics customerServiceTopics(@Value("${clientele.topics.partitions:6}") int partitions,
            @Value("${clientele.topics.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Stream.of(CustomerEventsV1.TOPIC, "booking.reservations",
                        "booking.reservations.dlt", "communication.events", "communication.events.dlt",
                        "order.events", "order.events.dlt", "scenario.events", "scenario.events.dlt")
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
