package io.clientele.communication.integration.out;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * communication-service owns communication.events and communication.commands (it is the commands' only
 * reader) and their dead-letter topics; it declares them, and customer.events which it reads, so that a
 * fresh cluster needs no manual step and its consumer never subscribes to a topic that another service is
 * still creating with fewer partitions. Every service declares a topic with the same count.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics communicationTopics(@Value("${clientele.topics.partitions:6}") int partitions,
            @Value("${clientele.topics.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(
                topic(CommunicationEventsV1.TOPIC, partitions, replicas),
                topic("communication.commands", partitions, replicas),
                topic("communication.commands.dlt", partitions, replicas),
                topic("customer.events", partitions, replicas),
                topic("customer.events.dlt", partitions, replicas));
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
