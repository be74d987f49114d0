package io.clientele.customer.booking;

import io.clientele.platform.events.EventJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner booking system in tests: builds reservation events the way the contract describes them and
 * publishes them to booking.reservations, like a real partner would.
 */
public final class PartnerEvents implements AutoCloseable {

    public static final String PARTNER = "/partners/reservio";

    private final KafkaProducer<String, String> producer;
    private final String bootstrap;
    private final UUID workspace;

    public PartnerEvents(String bootstrap, UUID workspace) {
        this.bootstrap = bootstrap;
        this.workspace = workspace;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer());
    }

    /** A reservation event of {@code kind} (created, rescheduled, cancelled, completed, no-show). */
    public Builder event(String kind, String reservationId) {
        return new Builder(kind, reservationId);
    }

    void publish(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(BookingEventsConsumer.TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Reads booking.reservations.dlt from the beginning. */
    KafkaConsumer<String, String> deadLetterReader() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(BookingEventsConsumer.TOPIC + ".dlt"));
        return consumer;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }

    public final class Builder {

        private final ObjectNode event = EventJson.mapper().createObjectNode();
        private final ObjectNode reservation;
        private final ObjectNode customer;

        private Builder(String kind, String reservationId) {
            Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            event.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", PARTNER)
                    .put("type", "booking.reservation-" + kind + ".v1").put("time", Instant.now().toString())
                    .put("subject", reservationId).put("workspaceid", workspace.toString())
                    .put("datacontenttype", "application/json");
            ObjectNode data = event.putObject("data");
            reservation = data.putObject("reservation").put("externalId", reservationId).put("service", "Haircut")
                    .put("staff", "Eva").put("location", "Praha 2").put("startsAt", start.toString())
                    .put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
            customer = data.putObject("customer").put("externalId", "C-" + reservationId).put("firstName", "Jana")
                    .put("lastName", "Nováková");
        }

        public Builder id(String id) {
            event.put("id", id);
            return this;
        }

        public Builder at(Instant time) {
            event.put("time", time.toString());
            return this;
        }

        public Builder startsAt(Instant start) {
            reservation.put("startsAt", start.toString()).put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
            return this;
        }

        public Builder customer(String externalId, String email, String phone) {
            customer.put("externalId", externalId).put("email", email).put("phone", phone);
            return this;
        }

        public Builder consent(Boolean consent) {
            customer.put("marketingConsent", consent);
            return this;
        }

        /** What the partner wrote about a cancellation: free text. */
        public Builder reason(String reason) {
            reservation.put("reason", reason);
            return this;
        }

        public Builder without(String reservationField) {
            reservation.remove(reservationField);
            return this;
        }

        public ObjectNode json() {
            return event.deepCopy();
        }

        public String id() {
            return event.get("id").asString();
        }

        public String publish() {
            return publishKeyed(event.get("subject").asString());
        }

        /**
         * Publishes with another record key than the reservation's: the same key as an earlier event puts
         * this one on its partition, after it, so that its being applied shows the earlier one was
         * (customer-service applies partitions in parallel, each in order).
         */
        public String publishKeyed(String key) {
            PartnerEvents.this.publish(key, EventJson.mapper().writeValueAsString(event));
            return id();
        }
    }
}
