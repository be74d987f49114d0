package io.clientele.customer.booking;

import io.clientele.customer.kafka.ConsumedBatch;
import io.clientele.customer.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
            List<ConsumedBatch.Record> records = ConsumedBatch.of(TOPIC, message);
            List<ReservationEvent> readable = new ArrayList<>(records.size());
            for (ConsumedBatch.Record record : records) {
                try {
                    readable.add(BookingEventReader.read(record.value()));
                } catch (BookingEventReader.UnreadableEvent unreadable) {
                    deadLetters.send(record, unreadable.getMessage());
                }
            }
            if (!readable.isEmpty()) {
                int applied = ingestion.apply(readable).size();
                meters.counter("clientele.booking.events", "outcome", "applied").increment(applied);
                meters.counter("clientele.booking.events", "outcome", "redelivered").increment(readable.size() - applied);
            }
        };
    }
}
