package io.clientele.scenario;

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
 * customer-service and communication-service as scenario-service hears them: the contracts' sample events with a
 * test's ids and values, published to the test's Kafka broker.
 */
public final class CustomerEventsFeed implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    public CustomerEventsFeed(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    public void created(UUID workspace, UUID customer, boolean synced) {
        ObjectNode event = event("customer.created.v1", workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data").get("customer");
        data.put("id", customer.toString());
        data.put("synced", synced);
        send("customer.events", customer, event);
    }

    /**
     * customer.created.v1 or customer.updated.v1 (type) with the customer's date of birth (null: none). An
     * updated event carries the whole customer, as customer-service's does: a missing date means it was removed.
     */
    public void bornOn(String type, UUID workspace, UUID customer, java.time.LocalDate birthDate) {
        ObjectNode event = event(type, workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data").get("customer");
        data.put("id", customer.toString());
        data.put("synced", false);
        if (birthDate == null) {
            data.putNull("birthDate");
        } else {
            data.put("birthDate", birthDate.toString());
        }
        send("customer.events", customer, event);
    }

    /** reservation.recorded.v1 as customer-service publishes it after a partner's booking event. */
    public void reservation(UUID workspace, UUID customer, UUID reservation, String change, String status,
            Instant startsAt, Instant occurredAt) {
        ObjectNode event = event("reservation.recorded.v1", workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("customerId", customer.toString());
        data.put("reservationId", reservation.toString());
        data.put("change", change);
        data.put("status", status);
        data.put("startsAt", startsAt.toString());
        data.put("endsAt", startsAt.plusSeconds(3600).toString());
        data.put("occurredAt", occurredAt.toString());
        send("customer.events", customer, event);
    }

    /** A booking (created) with the reservation's free-text fields as given (null stays null); its event id. */
    public String reservationWith(UUID workspace, UUID customer, UUID reservation, Instant startsAt, String service,
            String staff, String location) {
        ObjectNode event = event("reservation.recorded.v1", workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("customerId", customer.toString());
        data.put("reservationId", reservation.toString());
        data.put("change", "CREATED");
        data.put("status", "BOOKED");
        data.put("startsAt", startsAt.toString());
        data.putNull("previousStartsAt");
        data.put("occurredAt", Instant.now().toString());
        data.put("service", service);
        data.put("staff", staff);
        data.put("location", location);
        send("customer.events", customer, event);
        return event.get("id").asString();
    }

    public void statusChanged(UUID workspace, UUID customer, String to) {
        ObjectNode event = event("customer.status-changed.v1", workspace, customer);
        ((ObjectNode) event.get("data")).put("customerId", customer.toString()).put("from", "NEW").put("to", to);
        send("customer.events", customer, event);
    }

    public void unsubscribed(UUID workspace, UUID customer) {
        ObjectNode event = event("communication.preferences-changed.v1", workspace, customer);
        ((ObjectNode) event.get("data")).put("customerId", customer.toString()).put("subscriptionState", "UNSUBSCRIBED");
        send("communication.events", customer, event);
    }

    public void erased(UUID workspace, UUID customer) {
        ObjectNode event = event("customer.erased.v1", workspace, customer);
        ((ObjectNode) event.get("data")).put("customerId", customer.toString());
        send("customer.events", customer, event);
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

    private void send(String topic, UUID customer, ObjectNode event) {
        producer.send(new ProducerRecord<>(topic, customer.toString(), JSON.writeValueAsString(event)));
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
