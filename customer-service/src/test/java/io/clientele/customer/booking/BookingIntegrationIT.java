package io.clientele.customer.booking;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.platform.messaging.DeadLetters;
import io.clientele.platform.events.EventJson;
import io.clientele.testkit.tokens.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** B-1 to B-4, C-2, C-8, C-13 through the real topic, as partner booking systems use them. */
@CustomerServiceIT
class BookingIntegrationIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;

    UUID workspace;
    Api staff;
    PartnerEvents partner;

    @BeforeEach
    void partnerAndWorkspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        partner = new PartnerEvents(bootstrap, workspace);
    }

    @AfterEach
    void close() {
        partner.close();
    }

    @Test
    void aNewPersonBookedThroughSeveralPartitionsAtOnceBecomesOneCustomer() {
        // Reservations are keyed by their own id, so these land on every partition and the consumers
        // apply them at the same time; no e-mail, so no unique index would catch a second customer.
        String externalId = "C-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            partner.event("created", "R-" + UUID.randomUUID()).customer(externalId, null, "+420 606 555 444").publish();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE workspace_id = ?", Integer.class, workspace) == 40);
        assertThat(jdbc.queryForList("SELECT id FROM customer WHERE workspace_id = ?", UUID.class, workspace)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT customer_id) FROM reservation WHERE workspace_id = ?",
                Integer.class, workspace)).isEqualTo(1);
    }

    @Test
    void aBookingByAnUnknownCustomerCreatesASyncedCustomerWithTheConsentGiven() {
        String reservation = "R-" + UUID.randomUUID();
        partner.event("created", reservation).customer("C-1", "eva.kratka@example.cz", "+420 603 111 222")
                .consent(true).publish();

        UUID customer = awaitCustomerWithEmail("eva.kratka@example.cz");
        staff.get("/api/v1/customers/{id}", customer).expectBody()
                .jsonPath("$.source").isEqualTo("BOOKING")
                .jsonPath("$.synced").isEqualTo(true)
                .jsonPath("$.phone").isEqualTo("+420603111222")
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED");
        staff.get("/api/v1/customers/{id}/reservations", customer).expectBody()
                .jsonPath("$[0].externalId").isEqualTo(reservation)
                .jsonPath("$[0].status").isEqualTo("BOOKED")
                .jsonPath("$[0].service").isEqualTo("Haircut");
        List<ConsumerRecord<String, String>> events = customerEvents(customer, 2);
        assertThat(events).extracting(r -> EventJson.read(r.value()).type())
                .containsExactly("customer.created.v1", "reservation.recorded.v1");
        events.forEach(r -> assertThat(EventContracts.violations(r.value())).isEmpty());
        assertThat(EventJson.read(events.get(0).value()).data().get("consentSource").asString()).isEqualTo("BOOKING");
        assertThat(EventJson.read(events.get(1).value()).data().get("change").asString()).isEqualTo("CREATED");
    }

    @Test
    void customersAreMatchedByPartnerIdThenEmailThenPhone() {
        UUID byEmail = staff.create(with(with(aCustomer(), "email", "match@example.cz"), "phone", "+420 700 000 001"));
        UUID byPhone = staff.create(with(with(aCustomer(), "email", "other@example.cz"), "phone", "+420 700 000 002"));

        // e-mail wins over phone when both match different customers
        String first = "R-" + UUID.randomUUID();
        partner.event("created", first).customer("C-42", "MATCH@example.cz", "+420700000002").publish();
        awaitReservation(first);
        // the partner's id wins afterwards, whatever e-mail and phone it comes with
        String second = "R-" + UUID.randomUUID();
        partner.event("created", second).customer("C-42", "changed@example.cz", "+420700000002").publish();
        awaitReservation(second);
        // no id or e-mail match: the phone, typed nationally
        String third = "R-" + UUID.randomUUID();
        partner.event("created", third).customer("C-43", "unknown@example.cz", "700 000 002").publish();
        awaitReservation(third);

        assertThat(customerOf(first)).isEqualTo(byEmail);
        assertThat(customerOf(second)).isEqualTo(byEmail);
        assertThat(customerOf(third)).isEqualTo(byPhone);
        staff.get("/api/v1/customers/{id}", byEmail).expectBody().jsonPath("$.synced").isEqualTo(true);
        staff.get("/api/v1/customers/{id}", byPhone).expectBody().jsonPath("$.synced").isEqualTo(true);
        staff.get("/api/v1/customers?source=BOOKING").expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void theSameEventTwiceChangesNothingTheSecondTime() {
        String reservation = "R-" + UUID.randomUUID();
        PartnerEvents.Builder created = partner.event("created", reservation).customer("C-2", "twice@example.cz", null);
        created.publish();
        awaitReservation(reservation);
        UUID customer = customerOf(reservation);
        String marker = "R-" + UUID.randomUUID();

        created.publish();
        partner.event("created", marker).customer("C-2", "twice@example.cz", null).publishKeyed(reservation);
        awaitReservation(marker);

        // Everything about this customer up to the marker's event, which the relay publishes after any
        // event the duplicate could have caused.
        assertThat(customerEventsUntil(customer, marker)).extracting(r -> EventJson.read(r.value()).type())
                .containsExactly("customer.created.v1", "reservation.recorded.v1", "reservation.recorded.v1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE workspace_id = ?", Long.class, workspace))
                .isEqualTo(2);
    }

    /**
     * Issue 13, item 1: event ids are the partner's to choose, and a partner system of the same name may
     * serve another workspace. Its event id used first in workspace B must not make workspace A's event
     * with that id look applied.
     */
    @Test
    void anEventIdAPartnerOfAnotherWorkspaceUsedFirstDoesNotSuppressThisWorkspacesEvent() {
        UUID otherWorkspace = UUID.randomUUID();
        String sharedEventId = "evt-" + UUID.randomUUID();
        String theirs = "R-" + UUID.randomUUID();
        String ours = "R-" + UUID.randomUUID();
        try (PartnerEvents sameNameInB = new PartnerEvents(bootstrap, otherWorkspace)) {
            sameNameInB.event("created", theirs).id(sharedEventId).customer("C-B", "b-" + theirs + "@example.cz", null)
                    .publish();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE workspace_id = ? AND external_id = ?", Long.class,
                otherWorkspace, theirs) == 1);

        partner.event("created", ours).id(sharedEventId).customer("C-A", "a-" + ours + "@example.cz", null).publish();
        // Applied after ours on the same partition: once it shows, ours was either applied or dropped.
        String marker = "R-" + UUID.randomUUID();
        partner.event("created", marker).customer("C-M", "m-" + marker + "@example.cz", null).publishKeyed(ours);
        awaitReservation(marker);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE workspace_id = ? AND external_id = ?",
                Long.class, workspace, ours)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE workspace_id = ? AND external_id = ?",
                Long.class, otherWorkspace, theirs)).isEqualTo(1);
    }

    @Test
    void eventsArrivingOutOfOrderEndInTheRightState() {
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant monday = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant tuesday = monday.plus(1, ChronoUnit.DAYS);
        Instant wednesday = monday.plus(2, ChronoUnit.DAYS);

        String cancelledEarly = "R-" + UUID.randomUUID();
        partner.event("cancelled", cancelledEarly).at(t0.plusSeconds(60)).publish();
        partner.event("created", cancelledEarly).at(t0).publish();

        String moved = "R-" + UUID.randomUUID();
        partner.event("created", moved).at(t0).startsAt(monday).publish();
        partner.event("rescheduled", moved).at(t0.plusSeconds(120)).startsAt(wednesday).publish();
        partner.event("rescheduled", moved).at(t0.plusSeconds(60)).startsAt(tuesday).publish();
        String marker = "R-" + UUID.randomUUID();
        partner.event("created", marker).customer("C-" + moved, null, null).publishKeyed(moved);
        awaitReservation(marker);
        awaitReservation(cancelledEarly);

        assertThat(jdbc.queryForObject("SELECT status FROM reservation WHERE external_id = ?", String.class,
                cancelledEarly)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT starts_at FROM reservation WHERE external_id = ?", java.sql.Timestamp.class,
                moved).toInstant()).isEqualTo(wednesday);
        // the late reschedule is history, not news: no reservation.recorded.v1 for it
        UUID customer = customerOf(moved);
        assertThat(customerEventsUntil(customer, marker).stream().map(r -> EventJson.read(r.value()))
                .filter(e -> e.type().equals("reservation.recorded.v1"))
                .filter(e -> e.data().get("externalId").asString().equals(moved))
                .map(e -> e.data().get("change").asString()).toList()).containsExactly("CREATED", "RESCHEDULED");
    }

    @Test
    void unreadableEventsGoToTheDeadLetterTopicWithTheReasonAndTheStreamGoesOn() {
        String broken = "R-" + UUID.randomUUID();
        String withoutStart = "R-" + UUID.randomUUID();
        String good = "R-" + UUID.randomUUID();
        partner.publish(broken, "{ this is not json");
        partner.event("created", withoutStart).without("startsAt").publish();
        partner.event("created", good).publish();

        awaitReservation(good);
        try (KafkaConsumer<String, String> dlt = partner.deadLetterReader()) {
            List<ConsumerRecord<String, String>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().filter(r -> r.key().equals(broken) || r.key().equals(withoutStart)).count() == 2;
            });
            ConsumerRecord<String, String> notJson = dead.stream().filter(r -> r.key().equals(broken)).findFirst().orElseThrow();
            ConsumerRecord<String, String> noStart = dead.stream().filter(r -> r.key().equals(withoutStart)).findFirst().orElseThrow();
            assertThat(notJson.value()).isEqualTo("{ this is not json");
            assertThat(PartnerEvents.header(notJson, DeadLetters.REASON)).contains("not JSON");
            assertThat(PartnerEvents.header(noStart, DeadLetters.REASON)).contains("data.reservation.startsAt");
            assertThat(PartnerEvents.header(noStart, DeadLetters.ORIGINAL_TOPIC)).isEqualTo("booking.reservations");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE external_id = ?", Long.class, withoutStart))
                .isZero();
    }

    @Test
    void aNewCustomerBecomesRegularAtTheSecondCompletedVisit() {
        String first = "R-" + UUID.randomUUID();
        String second = "R-" + UUID.randomUUID();
        partner.event("created", first).customer("C-77", "regular@example.cz", null).publish();
        partner.event("completed", first).customer("C-77", "regular@example.cz", null).publish();
        awaitStatus(first, "COMPLETED");
        UUID customer = customerOf(first);
        staff.get("/api/v1/customers/{id}", customer).expectBody().jsonPath("$.status").isEqualTo("NEW");

        partner.event("created", second).customer("C-77", "regular@example.cz", null).publish();
        partner.event("no-show", second).customer("C-77", "regular@example.cz", null).at(Instant.now().minusSeconds(5)).publish();
        partner.event("completed", second).customer("C-77", "regular@example.cz", null).publish();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/customers/{id}", customer)
                .expectBody().jsonPath("$.status").isEqualTo("REGULAR"));
        staff.get("/api/v1/customers/{id}/status-history", customer).expectBody()
                .jsonPath("$[0].changedBy").isEqualTo("system:regular-rule");
        staff.get("/api/v1/customers/{id}/overview", customer).expectBody()
                .jsonPath("$.reservations").isEqualTo(2)
                .jsonPath("$.completed").isEqualTo(2)
                .jsonPath("$.noShows").isEqualTo(0)
                .jsonPath("$.lastVisit").exists();
    }

    @Test
    void blockedCustomersMayNotBookAndTheAnswerRevealsNobody() {
        UUID blocked = staff.create(with(with(aCustomer(), "email", "blocked@example.cz"), "phone", "+420 777 000 999"));
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "BLOCKED"), blocked).expectStatus().isOk();
        Api partnerApi = Api.withToken(port, TestTokens.mint(workspace, "reservio", "PARTNER"));

        partnerApi.get("/api/v1/booking/eligibility?email={e}", "Blocked@Example.cz").expectStatus().isOk()
                .expectBody().json("{\"eligible\": false, \"reason\": \"BLOCKED\"}", org.springframework.test.json.JsonCompareMode.STRICT);
        partnerApi.get("/api/v1/booking/eligibility?phone={p}", "777 000 999").expectBody()
                .jsonPath("$.eligible").isEqualTo(false);
        partnerApi.get("/api/v1/booking/eligibility?email={e}", "free@example.cz").expectBody()
                .json("{\"eligible\": true, \"reason\": null}", org.springframework.test.json.JsonCompareMode.STRICT);
        partnerApi.get("/api/v1/booking/eligibility").expectStatus().isBadRequest();
        partnerApi.get("/api/v1/booking/eligibility?phone=12").expectStatus().isBadRequest();
        staff.get("/api/v1/booking/eligibility?email={e}", "blocked@example.cz").expectStatus().isForbidden();
        // another workspace's partner learns nothing about this one's customers
        Api.withToken(port, TestTokens.mint(UUID.randomUUID(), "reservio", "PARTNER"))
                .get("/api/v1/booking/eligibility?email={e}", "blocked@example.cz").expectBody()
                .jsonPath("$.eligible").isEqualTo(true);
    }

    @Test
    void aBlockedCustomerIsFoundByThePartnersOwnId() {
        String reservation = "R-" + UUID.randomUUID();
        partner.event("created", reservation).customer("C-900", "known@example.cz", null).publish();
        awaitReservation(reservation);
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "BLOCKED"), customerOf(reservation))
                .expectStatus().isOk();

        Api.withToken(port, TestTokens.mint(workspace, "reservio", "PARTNER"))
                .get("/api/v1/booking/eligibility?customerId=C-900").expectBody().jsonPath("$.eligible").isEqualTo(false);
        Api.withToken(port, TestTokens.mint(workspace, "another-system", "PARTNER"))
                .get("/api/v1/booking/eligibility?customerId=C-900").expectBody().jsonPath("$.eligible").isEqualTo(true);
    }

    @Test
    void partnersWithoutKafkaPostEventsOverHttp() {
        Api partnerApi = Api.withToken(port, TestTokens.mint(workspace, "reservio", "PARTNER"));
        String reservation = "R-" + UUID.randomUUID();
        var event = partner.event("created", reservation).customer("C-5", "http@example.cz", null).json();
        event.remove("source");
        event.remove("workspaceid");

        partnerApi.post("/api/v1/booking/events", event).expectStatus().isAccepted()
                .expectBody().jsonPath("$.id").isEqualTo(event.get("id").asString());
        awaitReservation(reservation);

        var broken = partner.event("created", "R-x").without("startsAt").json();
        broken.put("type", "booking.reservation-moved.v1");
        partnerApi.post("/api/v1/booking/events", broken).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields)
                        .contains("type", "data.reservation.startsAt"));
        var foreign = partner.event("created", "R-y").json().put("workspaceid", UUID.randomUUID().toString());
        partnerApi.post("/api/v1/booking/events", foreign).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("workspaceid");
        var spoofed = partner.event("created", "R-z").json().put("source", "/partners/someone-else");
        partnerApi.post("/api/v1/booking/events", spoofed).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source");
        staff.post("/api/v1/booking/events", event).expectStatus().isForbidden();
    }

    @Test
    void theListFiltersCustomersWithAnUpcomingReservation() {
        String upcoming = "R-" + UUID.randomUUID();
        String past = "R-" + UUID.randomUUID();
        partner.event("created", upcoming).customer("C-10", "soon@example.cz", null).publish();
        partner.event("created", past).customer("C-11", "past@example.cz", null)
                .startsAt(Instant.now().minus(2, ChronoUnit.DAYS)).publish();
        awaitReservation(upcoming);
        awaitReservation(past);

        assertThat(emails("/api/v1/customers?hasUpcomingReservation=true")).containsExactly("soon@example.cz");
        assertThat(emails("/api/v1/customers?hasUpcomingReservation=false")).containsExactly("past@example.cz");
    }

    @Test
    void reservationsAreKeptPerWorkspaceAndAnonymisedWhenTheCustomerIsErased() {
        String reservation = "R-" + UUID.randomUUID();
        partner.event("created", reservation).customer("C-20", "mine@example.cz", null).publish();
        awaitReservation(reservation);
        UUID customer = customerOf(reservation);

        Api.staff(port, UUID.randomUUID()).get("/api/v1/customers/{id}/reservations", customer).expectStatus().isNotFound();
        Api.staff(port, UUID.randomUUID()).get("/api/v1/customers/{id}/overview", customer).expectStatus().isNotFound();

        staff.delete("/api/v1/customers/{id}", customer).expectStatus().isNoContent();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE external_id = ? AND customer_id IS NULL",
                Long.class, reservation)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_identity WHERE customer_id = ?", Long.class,
                customer)).isZero();
    }

    private UUID awaitCustomerWithEmail(String email) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<?> items = (List<?>) staff.json("/api/v1/customers?q={q}", email).get("items");
            return items.isEmpty() ? null : UUID.fromString((String) ((Map<?, ?>) items.getFirst()).get("id"));
        }, id -> id != null);
    }

    private void awaitReservation(String externalId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE workspace_id = ? AND external_id = ?", Long.class, workspace,
                externalId) == 1);
    }

    private void awaitStatus(String externalId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT status FROM reservation WHERE workspace_id = ? AND external_id = ?", String.class, workspace,
                externalId).contains(status));
    }

    private UUID customerOf(String externalId) {
        return jdbc.queryForObject("SELECT customer_id FROM reservation WHERE workspace_id = ? AND external_id = ?",
                UUID.class, workspace, externalId);
    }

    @SuppressWarnings("unchecked")
    private List<String> emails(String uri) {
        return ((List<Map<String, Object>>) staff.json(uri).get("items")).stream().map(r -> (String) r.get("email")).toList();
    }

    /** The customer's events up to and including the reservation.recorded.v1 of reservation {@code last}. */
    private List<ConsumerRecord<String, String>> customerEventsUntil(UUID customer, String last) {
        List<ConsumerRecord<String, String>> events = customerEvents(customer, 1, records -> records.stream()
                .anyMatch(r -> r.value().contains("\"externalId\":\"" + last + "\"")));
        int end = 0;
        while (!events.get(end).value().contains("\"externalId\":\"" + last + "\"")) {
            end++;
        }
        return events.subList(0, end + 1);
    }

    private List<ConsumerRecord<String, String>> customerEvents(UUID customer, int atLeast) {
        return customerEvents(customer, atLeast, records -> true);
    }

    private List<ConsumerRecord<String, String>> customerEvents(UUID customer, int atLeast,
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> complete) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("customer.events"));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.stream().filter(r -> customer.toString().equals(r.key())).toList();
            }, events -> events.size() >= atLeast && complete.test(events));
        }
    }
}
