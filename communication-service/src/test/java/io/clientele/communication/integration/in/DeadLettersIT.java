package io.clientele.communication.integration.in;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.Commands;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.EventsTopic;
import io.clientele.communication.Mailbox;
import io.clientele.platform.messaging.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What cannot be read goes to the dead-letter topic with the reason, and the stream goes on. */
@CommunicationIT
class DeadLettersIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    Commands commands;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        commands = new Commands(bootstrap, workspace);
    }

    @AfterEach
    void close() {
        customers.close();
        commands.close();
    }

    @Test
    void anUnreadableCommandIsDeadLetteredWithItsReasonAndTheNextOneIsSent() {
        CustomerEvents.Customer jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
        String broken = "broken-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        var noChannel = commands.inline(jana.id(), "no-channel", "EMAIL", "TRANSACTIONAL", "x", "x");
        ((tools.jackson.databind.node.ObjectNode) noChannel.get("data")).remove("channel");

        commands.publish(broken, "{ this is not json");
        commands.publish(invalid, noChannel.toString());
        commands.publish(commands.inline(jana.id(), "good", "EMAIL", "TRANSACTIONAL", "After the broken ones", "x"));

        Mailbox.awaitAtLeast(jana.email(), 1);
        try (EventsTopic dlt = new EventsTopic(bootstrap, "communication.commands.dlt")) {
            List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(() -> dlt.poll().stream()
                    .filter(r -> broken.equals(r.key()) || invalid.equals(r.key())).toList(), list -> list.size() == 2);
            ConsumerRecord<String, String> notJson = dead.stream().filter(r -> broken.equals(r.key())).findFirst().orElseThrow();
            ConsumerRecord<String, String> noChannelRecord = dead.stream().filter(r -> invalid.equals(r.key())).findFirst()
                    .orElseThrow();
            assertThat(notJson.value()).isEqualTo("{ this is not json");
            assertThat(header(notJson, DeadLetters.REASON)).contains("is not JSON");
            assertThat(header(noChannelRecord, DeadLetters.REASON)).contains("data.channel: is required");
            assertThat(header(noChannelRecord, DeadLetters.ORIGINAL_TOPIC)).isEqualTo("communication.commands");
            assertThat(header(noChannelRecord, DeadLetters.CONSUMER)).isEqualTo("communication-service");
        }
    }

    @Test
    void anUnreadableCustomerEventIsDeadLetteredAndTheStreamGoesOn() {
        String key = UUID.randomUUID().toString();
        customers.publishRaw(key, "[1, 2, 3]");
        CustomerEvents.Customer jana = aCustomer();
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());

        try (EventsTopic dlt = new EventsTopic(bootstrap, "customer.events.dlt")) {
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> dlt.poll().stream()
                    .filter(r -> key.equals(r.key())).toList(), list -> list.size() == 1).getFirst();
            assertThat(header(dead, DeadLetters.REASON)).contains("must be a CloudEvent object");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
