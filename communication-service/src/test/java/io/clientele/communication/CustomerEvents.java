package io.clientele.communication;

import io.clientele.testkit.http.Api;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * customer-service as communication-service sees it: publishes customer.* events, made from the published
 * samples, to customer.events, like customer-service's outbox does.
 */
public final class CustomerEvents implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final KafkaProducer<String, String> producer;
    private final UUID workspace;

    public CustomerEvents(String bootstrap, UUID workspace) {
        this.workspace = workspace;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** A customer as customer-service would create it; each gets a unique e-mail address. */
    public record Customer(UUID id, String firstName, String lastName, String email, String phone, String language) {

        public Customer withEmail(String email) {
            return new Customer(id, firstName, lastName, email, phone, language);
        }

        public Customer withPhone(String phone) {
            return new Customer(id, firstName, lastName, email, phone, language);
        }

        public Customer withLanguage(String language) {
            return new Customer(id, firstName, lastName, email, phone, language);
        }

        public Customer withName(String first, String last) {
            return new Customer(id, first, last, email, phone, language);
        }
    }

    public static Customer aCustomer() {
        int n = SEQUENCE.incrementAndGet();
        UUID id = UUID.randomUUID();
        return new Customer(id, "Jana", "Nováková", "jana." + n + "." + id.toString().substring(0, 8) + "@example.cz",
                "+420777" + String.format("%06d", n % 1_000_000), "cs");
    }

    /** customer.created.v1 with the consent given and where. */
    public String created(Customer customer, boolean marketingConsent, String consentSource) {
        ObjectNode event = sample("customer.created.v1", customer.id());
        ObjectNode data = (ObjectNode) event.get("data");
        fill((ObjectNode) data.get("customer"), customer, Instant.now());
        data.put("marketingConsent", marketingConsent);
        data.put("consentSource", consentSource);
        return publish(event);
    }

    public String updated(Customer customer, Instant updatedAt, String... changedFields) {
        ObjectNode event = sample("customer.updated.v1", customer.id());
        ObjectNode data = (ObjectNode) event.get("data");
        fill((ObjectNode) data.get("customer"), customer, updatedAt);
        var fields = data.putArray("changedFields");
        for (String field : changedFields.length == 0 ? new String[] {"email"} : changedFields) {
            fields.add(field);
        }
        return publish(event);
    }

    /** customer.updated.v1 of a change that stated a marketing consent (an import's consent column). */
    public ObjectNode updatedWithConsent(Customer customer, boolean marketingConsent, String consentSource, String actor) {
        ObjectNode event = sample("customer.updated.v1", customer.id());
        ObjectNode data = (ObjectNode) event.get("data");
        fill((ObjectNode) data.get("customer"), customer, Instant.now());
        data.putArray("changedFields").add("marketingConsent");
        data.put("actor", actor);
        data.put("marketingConsent", marketingConsent);
        data.put("consentSource", consentSource);
        return event;
    }

    public String erased(UUID customer) {
        ObjectNode event = sample("customer.erased.v1", customer);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("customerId", customer.toString());
        data.put("erasedAt", Instant.now().toString());
        return publish(event);
    }

    /** reservation.recorded.v1 with the consent given while booking (null: none said). */
    public String reservationRecorded(UUID customer, Boolean marketingConsent) {
        ObjectNode event = sample("reservation.recorded.v1", customer);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("customerId", customer.toString());
        data.put("reservationId", UUID.randomUUID().toString());
        if (marketingConsent == null) {
            data.putNull("marketingConsent");
        } else {
            data.put("marketingConsent", marketingConsent);
        }
        return publish(event);
    }

    /** An event as given (for duplicates and broken ones); returns its id if it has one. */
    public void publishRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>("customer.events", key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    public String publish(ObjectNode event) {
        publishRaw(event.get("subject").asString(), event.toString());
        return event.get("id").asString();
    }

    public ObjectNode sample(String type, UUID customer) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample(type));
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        event.put("subject", customer.toString());
        event.put("workspaceid", workspace.toString());
        return event;
    }

    private static void fill(ObjectNode node, Customer customer, Instant updatedAt) {
        node.put("id", customer.id().toString());
        node.put("firstName", customer.firstName());
        node.put("lastName", customer.lastName());
        if (customer.email() == null) {
            node.putNull("email");
        } else {
            node.put("email", customer.email());
        }
        if (customer.phone() == null) {
            node.putNull("phone");
        } else {
            node.put("phone", customer.phone());
        }
        if (customer.language() == null) {
            node.putNull("preferredLanguage");
        } else {
            node.put("preferredLanguage", customer.language());
        }
        node.put("updatedAt", updatedAt.toString());
    }

    /**
     * Waits until communication-service has applied every event published so far for this customer: a
     * customer.updated with a marker name goes behind them on the same partition, and shows in a preview.
     */
    public void awaitApplied(Api api, Customer customer) {
        String marker = "Marker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        updated(customer.withName(marker, customer.lastName()), Instant.now(), "firstName");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String text = api.post("/api/v1/templates/preview", Map.of("channel", "SMS", "text", "{{customer.firstName}}",
                    "customerId", customer.id())).returnResult(String.class).getResponseBody();
            return text != null && text.contains(marker);
        });
    }

    /** Waits until communication-service knows the customer (its preferences answer). */
    public static void awaitKnown(Api api, UUID customer) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                api.get("/api/v1/preferences/{id}", customer).returnResult(String.class).getStatus().value() == 200);
    }

    @Override
    public void close() {
        producer.close();
    }
}
