package io.clientele.communication.integration.in;

import io.clientele.communication.sending.MessageIntake;
import io.clientele.platform.messaging.BatchConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two inputs (the service kit's batch consumers): {@code customer.events} for the contact read model,
 * consents and erasure; {@code communication.commands} for messages to send. An event or command that
 * cannot be read or breaks its contract goes to {@code <topic>.dlt} with the reason and the rest of the
 * batch goes on. A failure of MongoDB or Kafka fails the batch, which is retried until it applies: every
 * effect is idempotent, so a redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    static final String CUSTOMER_EVENTS = "customer.events";
    static final String COMMANDS = "communication.commands";

    @Bean
    Consumer<Message<List<byte[]>>> customerEvents(BatchConsumers consumers, CustomerEventsProjection projection,
            MeterRegistry meters) {
        return consumers.of(CUSTOMER_EVENTS, CustomerEventReader::read, events -> {
            projection.applyAll(events);
            meters.counter("clientele.customer.events", "outcome", "applied").increment(events.size());
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> sendCommands(BatchConsumers consumers, MessageIntake intake, MeterRegistry meters) {
        return consumers.of(COMMANDS, SendCommandReader::read, requests -> {
            List<MessageIntake.Accepted> accepted = intake.acceptAll(requests);
            long created = accepted.stream().filter(MessageIntake.Accepted::created).count();
            meters.counter("clientele.commands", "outcome", "accepted").increment(created);
            meters.counter("clientele.commands", "outcome", "redelivered").increment(accepted.size() - created);
        });
    }
}
