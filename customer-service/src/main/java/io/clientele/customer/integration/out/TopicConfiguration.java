package io.clientele.customer.integration.out;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** customer-service owns customer.events; it declares the topic so a fresh cluster needs no manual step. */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic customerEventsTopic(@Value("${clientele.topics.partitions:6}") int partitions,
            @Value("${clientele.topics.replicas:1}") short replicas) {
        return TopicBuilder.name(CustomerEventsV1.TOPIC).partitions(partitions).replicas(replicas).build();
    }
}
