package io.clientele.customer.booking;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * B-1: consumes {@code booking.reservations} (Spring Cloud Stream, Kafka binder, batch mode). Each batch
 * is applied in one transaction; an event that cannot be read or breaks the contract goes to
 * {@code booking.reservations.dlt} with the reason, and the rest of the batch goes on. A failure of
 * the database or of Kafka itself fails the batch, which is redelivered (the inbox makes that safe).
 */
@Configuration(proxyBeanMethods = false)
class BookingEventsConsumer {

    static final String TOPIC = "booking.reservations";

    @Bean
    Consumer<Message<List<byte[]>>> bookingReservations(BookingIngestion ingestion, DeadLetters deadLetters,
            MeterRegistry meters) {
        return message -> {
            List<byte[]> values = message.getPayload();
            List<?> keys = header(message, KafkaHeaders.RECEIVED_KEY, values.size());
            List<?> partitions = header(message, KafkaHeaders.RECEIVED_PARTITION, values.size());
            List<?> offsets = header(message, KafkaHeaders.OFFSET, values.size());
            List<ReservationEvent> readable = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                try {
                    readable.add(BookingEventReader.read(values.get(i)));
                } catch (BookingEventReader.UnreadableEvent unreadable) {
                    deadLetters.send(TOPIC, number(partitions.get(i)).intValue(), number(offsets.get(i)).longValue(),
                            bytes(keys.get(i)), values.get(i), unreadable.getMessage());
                }
            }
            if (!readable.isEmpty()) {
                int applied = ingestion.apply(readable).size();
                meters.counter("clientele.booking.events", "outcome", "applied").increment(applied);
                meters.counter("clientele.booking.events", "outcome", "redelivered").increment(readable.size() - applied);
            }
        };
    }

    private static List<?> header(Message<?> message, String name, int size) {
        Object value = message.getHeaders().get(name);
        if (value instanceof List<?> list && list.size() == size) {
            return list;
        }
        List<Object> missing = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            missing.add(null);
        }
        return missing;
    }

    private static Number number(Object value) {
        return value instanceof Number number ? number : -1;
    }

    private static byte[] bytes(Object key) {
        return switch (key) {
            case byte[] raw -> raw;
            case String text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case null, default -> null;
        };
    }
}
