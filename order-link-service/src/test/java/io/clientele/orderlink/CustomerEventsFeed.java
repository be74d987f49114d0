package io.clientele.orderlink;

import io.clientele.contracts.EventContracts;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * customer-service as order-link-service hears it: the contract's sample events of {@code customer.events}
 * with a test's ids and values, published to the test's Kafka broker.
 */
public final class CustomerEventsFeed implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    public CustomerEventsFeed(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    /** A customer as customer-service creates it; null values are left null. */
    public void created(UUID workspace, UUID customer, String firstName, String lastName, String language,
            String currency, double discountPercent) {
        ObjectNode event = event("customer.created.v1", workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data").get("customer");
        data.put("id", customer.toString());
        data.put("firstName", firstName);
        data.put("lastName", lastName);
        data.put("preferredLanguage", language);
        data.put("preferredCurrency", currency);
        data.put("discountPercent", discountPercent);
        data.put("email", customer + "@example.cz");
        send(customer, event);
    }

    public void statusChanged(UUID workspace, UUID customer, String to) {
        ObjectNode event = event("customer.status-changed.v1", workspace, customer);
        ((ObjectNode) event.get("data")).put("customerId", customer.toString()).put("from", "NEW").put("to", to);
        send(customer, event);
    }

    public void erased(UUID workspace, UUID customer) {
        ObjectNode event = event("customer.erased.v1", workspace, customer);
        ((ObjectNode) event.get("data")).put("customerId", customer.toString());
        send(customer, event);
    }

    /** Any text, as a broken producer might send it. */
    public void raw(UUID customer, String value) {
        producer.send(new ProducerRecord<>("customer.events", customer.toString(), value));
        producer.flush();
    }

    private static ObjectNode event(String type, UUID workspace, UUID customer) {
        ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.sample(type));
        event.put("id", UUID.randomUUID().toString());
        event.put("workspaceid", workspace.toString());
        event.put("subject", customer.toString());
        event.put("time", Instant.now().toString());
        return event;
    }

    private void send(UUID customer, ObjectNode event) {
        producer.send(new ProducerRecord<>("customer.events", customer.toString(), JSON.writeValueAsString(event)));
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
