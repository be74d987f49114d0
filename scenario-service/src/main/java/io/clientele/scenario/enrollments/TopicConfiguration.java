package io.clientele.scenario.enrollments;

import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * scenario-service owns scenario.events; it declares it, and the topics it reads, dead-letters into and sends
 * commands to, with the partition count every service uses, so a fresh cluster needs no manual step.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    KafkaAdmin.NewTopics scenarioServiceTopics(@Value("${clientele.topics.partitions:6}") int partitions,
            @Value("${clientele.topics.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Stream.of(ScenarioEventsV1.TOPIC, ScenarioEventsV1.COMMANDS, "customer.events",
                        "customer.events.dlt", "communication.events", "communication.events.dlt")
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
