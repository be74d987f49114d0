package io.clientele.customer.booking;

import io.clientele.platform.messaging.BatchConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * B-1: consumes {@code booking.reservations} (the service kit's batch consumer). Each batch's customers
 * are resolved in a short transaction, then the batch is applied in one; an event that cannot be read or
 * breaks the contract goes to {@code booking.reservations.dlt} with the reason, and the rest of the batch
 * goes on. A failure of the
 * database or of Kafka itself fails the batch, which is redelivered (the inbox makes that safe).
 */
@Configuration(proxyBeanMethods = false)
class BookingEventsConsumer {

    static final String TOPIC = "booking.reservations";

    @Bean
    Consumer<Message<List<byte[]>>> bookingReservations(BatchConsumers consumers,
            BookingCustomerResolution resolution, BookingIngestion ingestion, MeterRegistry meters) {
        return consumers.of(TOPIC, BookingEventReader::read, events -> {
            int applied = ingestion.apply(events, resolution.resolve(events)).size();
            meters.counter("clientele.booking.events", "outcome", "applied").increment(applied);
            meters.counter("clientele.booking.events", "outcome", "redelivered").increment(events.size() - applied);
        });
    }
}
