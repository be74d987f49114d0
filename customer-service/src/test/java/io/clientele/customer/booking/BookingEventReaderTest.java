package io.clientele.customer.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.problem.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BookingEventReaderTest {

    static java.util.List<String> publishedTypes() {
        return EventContracts.topics().get("booking.reservations");
    }

    @ParameterizedTest
    @MethodSource("publishedTypes")
    void everyPublishedSampleIsReadAsItsPartnerMeantIt(String type) throws Exception {
        ReservationEvent event = BookingEventReader.read(EventContracts.sample(type).getBytes(StandardCharsets.UTF_8));

        assertThat(event.change().eventType()).isEqualTo(type);
        assertThat(event.partner()).isEqualTo("/partners/reservio");
        assertThat(event.externalId()).isEqualTo("R-20261124-0042");
        assertThat(event.customer().externalId()).isEqualTo("C-7731");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-24T08:30:00Z"));
    }

    @Test
    void everyContractViolationIsNamedByItsPath() {
        String broken = EventContracts.sample("booking.reservation-created.v1")
                .replace("\"startsAt\"", "\"beginsAt\"")
                .replace("\"C-7731\"", "\"\"")
                .replace("\"workspaceid\": \"5e1f0000-0000-4000-8000-000000000001\"", "\"workspaceid\": \"acme\"")
                .replace("\"marketingConsent\": true", "\"marketingConsent\": \"yes\"");

        assertThatThrownBy(() -> BookingEventReader.read(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableEvent.class, unreadable -> assertThat(
                        unreadable.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                        "data.reservation.startsAt", "data.customer.externalId", "workspaceid",
                        "data.customer.marketingConsent"));
    }

    @Test
    void theSubjectMustBeTheReservation() {
        String other = EventContracts.sample("booking.reservation-created.v1")
                .replace("\"subject\": \"R-20261124-0042\"", "\"subject\": \"R-1\"");

        assertThatThrownBy(() -> BookingEventReader.read(other.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("subject");
    }

    @Test
    void newerMeansLaterInTimeThenFurtherInTheReservationsLife() {
        ReservationEvent completed = read("booking.reservation-completed.v1");
        Instant at = completed.occurredAt();

        assertThat(completed.isNewerThan(at.minusSeconds(1), ReservationChange.COMPLETED.rank())).isTrue();
        assertThat(completed.isNewerThan(at, ReservationChange.CREATED.rank())).isTrue();
        assertThat(completed.isNewerThan(at, ReservationChange.COMPLETED.rank())).isFalse();
        assertThat(completed.isNewerThan(at.plusSeconds(1), ReservationChange.CREATED.rank())).isFalse();
    }

    private static ReservationEvent read(String type) {
        try {
            return BookingEventReader.read(EventContracts.sample(type).getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableEvent unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
