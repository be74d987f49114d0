package io.clientele.systemtests.journeys;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A partner's booking system publishing its reservations through the gateway's booking intake
 * ({@code POST /api/v1/booking/events} with a PARTNER token), as CloudEvents of the contract in
 * {@code platform/contracts} ({@code booking.reservation-*.v1}). The door fills in the source and workspace.
 */
final class Partner {

    static final ZoneId SALON_ZONE = ZoneId.of("Europe/Prague");
    static final String SERVICE = "Střih a foukaná";
    static final String LOCATION = "Salon Lilie, Praha 2";

    /** The person as the partner's system knows them; null fields are left out. */
    record Person(String externalId, String firstName, String lastName, String email, String phone) {

        /** The phone number as Clientele stores it and the provider receives it. */
        String e164() {
            return phone == null ? null : phone.replace(" ", "");
        }
    }

    private final FrontEnd intake;

    Partner(FrontEnd intake) {
        this.intake = intake;
    }

    /** A new reservation; {@code startsAt} whole seconds, written with the salon's offset as a partner would. */
    void created(String reservation, Person person, Instant startsAt) {
        publish("booking.reservation-created.v1", reservation, person, startsAt);
    }

    void rescheduled(String reservation, Person person, Instant startsAt) {
        publish("booking.reservation-rescheduled.v1", reservation, person, startsAt);
    }

    private void publish(String type, String reservation, Person person, Instant startsAt) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("externalId", person.externalId());
        customer.put("firstName", person.firstName());
        customer.put("lastName", person.lastName());
        if (person.email() != null) {
            customer.put("email", person.email());
        }
        if (person.phone() != null) {
            customer.put("phone", person.phone());
        }
        customer.put("language", "cs");
        Instant start = startsAt.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> event = Map.of("specversion", "1.0", "id", "evt-" + UUID.randomUUID(), "type", type,
                "time", Instant.now().toString(), "subject", reservation, "datacontenttype", "application/json",
                "data", Map.of(
                        "reservation", Map.of("externalId", reservation, "service", SERVICE, "staff", "Eva",
                                "location", LOCATION, "startsAt", salonTime(start),
                                "endsAt", salonTime(start.plus(Duration.ofHours(1)))),
                        "customer", customer));
        intake.post("/api/v1/booking/events", event).expect(202);
    }

    private static String salonTime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(SALON_ZONE));
    }
}
