package io.clientele.customer.timeline;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.customer.booking.PartnerEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** C-10: what staff see on a customer's timeline, fed by what happens in customer-service and by partners. */
@CustomerServiceIT
class TimelineIT {

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
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        partner = new PartnerEvents(bootstrap, workspace);
    }

    @AfterEach
    void close() {
        partner.close();
    }

    @Test
    void staffActionsAppearNewestFirstWithTheirSources() {
        UUID customer = staff.create(with(aCustomer(), "email", "timeline-" + UUID.randomUUID() + "@example.cz"));
        UUID note = noteOn(customer, "Prefers afternoon appointments", "HIGH");
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "PROBLEMATIC", "reason", "two no-shows"), customer)
                .expectStatus().isOk();
        Map<String, Object> edited = with(aCustomer(), "phone", "+420 777 123 456");
        staff.put("/api/v1/customers/{id}", edited, customer).expectStatus().isOk();

        List<Map<String, Object>> past = past(staff.json("/api/v1/customers/{id}/timeline", customer));

        assertThat(past).extracting(entry -> entry.get("type")).containsExactly("PROFILE_UPDATED", "STATUS_CHANGED",
                "NOTE_ADDED", "CUSTOMER_CREATED");
        assertThat(past).extracting(entry -> entry.get("title")).containsExactly(
                past.getFirst().get("title"),
                "Status changed from New to Problematic: two no-shows",
                "Note (high priority): Prefers afternoon appointments",
                "Customer created by staff");
        assertThat((String) past.getFirst().get("title")).startsWith("Profile updated: ").contains("phone");
        assertThat(source(past.get(1))).containsEntry("type", "status-change")
                .containsEntry("href", "/api/v1/customers/" + customer + "/status-history");
        assertThat(source(past.get(2))).containsEntry("type", "note").containsEntry("id", note.toString())
                .containsEntry("href", "/api/v1/customers/" + customer + "/notes");
        assertThat(source(past.get(3))).containsEntry("href", "/api/v1/customers/" + customer);
        assertThat(details(past.get(1))).containsEntry("from", "NEW").containsEntry("to", "PROBLEMATIC");
        assertThat(dates(past)).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aNoteEditedIsRetoldAndANoteDeletedIsGone() {
        UUID customer = staff.create(aCustomer());
        UUID kept = noteOn(customer, "first words", null);
        UUID deleted = noteOn(customer, "a mistake", null);

        staff.put("/api/v1/customers/{c}/notes/{n}", Map.of("text", "better words", "priority", "MEDIUM"), customer, kept)
                .expectStatus().isOk();
        staff.delete("/api/v1/customers/{c}/notes/{n}", customer, deleted).expectStatus().isNoContent();

        List<Map<String, Object>> notes = past(staff.json("/api/v1/customers/{id}/timeline?type=NOTE_ADDED", customer));
        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst().get("title")).isEqualTo("Note (medium priority): better words");
        assertThat(details(notes.getFirst())).containsEntry("priority", "MEDIUM").containsKey("author")
                .containsKey("editedAt");
    }

    @Test
    void reservationsArePastAndPlannedAndALateEventIsKeptAsHistory() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant soon = now.plus(2, ChronoUnit.DAYS);
        Instant later = now.plus(9, ChronoUnit.DAYS);
        String visit = "R-" + UUID.randomUUID();
        String next = "R-" + UUID.randomUUID();
        String afterNext = "R-" + UUID.randomUUID();
        String dropped = "R-" + UUID.randomUUID();
        String partnerCustomer = "C-" + UUID.randomUUID();
        partner.event("created", visit).customer(partnerCustomer, null, "+420 604 000 111").at(now.minusSeconds(7200))
                .startsAt(now.minusSeconds(3600)).publishKeyed(partnerCustomer);
        partner.event("completed", visit).customer(partnerCustomer, null, null).at(now.minusSeconds(60))
                .startsAt(now.minusSeconds(3600)).publishKeyed(partnerCustomer);
        partner.event("created", afterNext).customer(partnerCustomer, null, null).at(now.minusSeconds(50))
                .startsAt(later).publishKeyed(partnerCustomer);
        partner.event("created", next).customer(partnerCustomer, null, null).at(now.minusSeconds(40))
                .startsAt(soon).publishKeyed(partnerCustomer);
        partner.event("cancelled", dropped).customer(partnerCustomer, null, null).at(now.minusSeconds(20))
                .startsAt(soon.plusSeconds(3600)).publishKeyed(partnerCustomer);
        // an older creation of the cancelled reservation arrives last: history, not a comeback (all are
        // keyed by the customer, so they are applied in this order and the last one shows all were)
        String marker = partner.event("created", dropped).customer(partnerCustomer, null, null)
                .at(now.minusSeconds(30)).startsAt(soon.plusSeconds(3600)).publishKeyed(partnerCustomer);
        UUID customer = awaitTimelineEvent(marker);

        Map<String, Object> page = staff.json("/api/v1/customers/{id}/timeline", customer);

        List<Map<String, Object>> planned = planned(page);
        assertThat(planned).extracting(entry -> details(entry).get("externalId")).containsExactly(next, afterNext);
        assertThat(planned).allSatisfy(entry -> {
            assertThat(entry.get("type")).isEqualTo("RESERVATION_UPCOMING");
            assertThat(entry.get("title")).isEqualTo("Haircut with Eva, Praha 2");
            assertThat(source(entry)).containsEntry("type", "reservation")
                    .containsEntry("href", "/api/v1/customers/" + customer + "/reservations");
        });
        assertThat(Instant.parse((String) planned.getFirst().get("date"))).isEqualTo(soon);

        // Partner events are dated when they happened at the partner; the customer record when it was made here.
        List<Map<String, Object>> past = past(page);
        assertThat(past).extracting(entry -> entry.get("type")).containsExactly("CUSTOMER_CREATED",
                "RESERVATION_CANCELLED", "RESERVATION_CREATED", "RESERVATION_CREATED", "RESERVATION_CREATED",
                "RESERVATION_COMPLETED", "RESERVATION_CREATED");
        assertThat(past.getFirst().get("title")).isEqualTo("Customer created from a booking");
        assertThat(details(past.get(1))).containsEntry("externalId", dropped).doesNotContainKey("late");
        assertThat(past.get(2).get("title")).isEqualTo("Reservation booked: Haircut");
        assertThat(details(past.get(2))).containsEntry("externalId", dropped).containsEntry("late", true);
        assertThat(past.get(5).get("title")).isEqualTo("Visit completed: Haircut");
        assertThat(Instant.parse((String) past.get(5).get("date"))).isEqualTo(now.minusSeconds(60));
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        UUID customer = staff.create(aCustomer());
        for (int i = 1; i <= 7; i++) {
            noteOn(customer, "note " + i, null);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = cursor == null ? staff.json("/api/v1/customers/{id}/timeline?limit=3", customer)
                    : staff.json("/api/v1/customers/{id}/timeline?limit=3&cursor={c}", customer, cursor);
            past(page).forEach(entry -> seen.add((String) entry.get("title")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("Note: note 7", "Note: note 6", "Note: note 5", "Note: note 4",
                "Note: note 3", "Note: note 2", "Note: note 1", "Customer created by staff");
    }

    @Test
    void badParametersAreAnsweredWithProblems() {
        UUID customer = staff.create(aCustomer());

        staff.get("/api/v1/customers/{id}/timeline?limit=0", customer).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("limit");
        staff.get("/api/v1/customers/{id}/timeline?cursor=bm90LWEtY3Vyc29y", customer).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        staff.get("/api/v1/customers/{id}/timeline?type=BIRTHDAY_PARTY", customer).expectStatus().isBadRequest();
        staff.get("/api/v1/customers/{id}/timeline", UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void anotherWorkspaceSeesNoneOfItAndErasureTakesItAway() {
        UUID customer = staff.create(aCustomer());
        noteOn(customer, "private", null);

        Api.staff(port, UUID.randomUUID()).get("/api/v1/customers/{id}/timeline", customer).expectStatus().isNotFound();

        Api.owner(port, workspace).delete("/api/v1/customers/{id}", customer).expectStatus().isNoContent();
        staff.get("/api/v1/customers/{id}/timeline", customer).expectStatus().isEqualTo(410);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    private UUID noteOn(UUID customer, String text, String priority) {
        Map<String, Object> body = priority == null ? Map.of("text", text) : Map.of("text", text, "priority", priority);
        return UUID.fromString((String) staff.post("/api/v1/customers/{id}/notes", body, customer).expectStatus()
                .isCreated().returnResult(Map.class).getResponseBody().get("id"));
    }

    private UUID awaitTimelineEvent(String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT customer_id FROM timeline_entry WHERE workspace_id = ? AND details ->> 'eventId' = ?",
                UUID.class, workspace, eventId), ids -> !ids.isEmpty()).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> past(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("past");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> planned(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("planned");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("source");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("details");
    }

    private static List<Instant> dates(List<Map<String, Object>> entries) {
        return entries.stream().map(entry -> Instant.parse((String) entry.get("date"))).toList();
    }
}
