package io.clientele.communication.sending;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.EventsTopic;
import io.clientele.platform.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * M-3's workspace limits end to end: quiet hours in the recipient's time zone and the frequency cap
 * defer marketing to the next allowed time (announced as message-scheduled), never drop it, and leave
 * transactional messages alone. The settings are the owner's.
 */
@CommunicationIT
class MarketingLimitsIT {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    Api owner;
    CustomerEvents customers;
    EventsTopic events;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        owner = Api.owner(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        events = EventsTopic.communicationEvents(bootstrap);
    }

    @AfterEach
    void close() {
        customers.close();
        events.close();
    }

    CustomerEvents.Customer subscribed(String phone) {
        CustomerEvents.Customer customer = aCustomer().withPhone(phone);
        customers.created(customer, true, "STAFF");
        CustomerEvents.awaitKnown(staff, customer.id());
        return customer;
    }

    String send(CustomerEvents.Customer customer, String category) {
        return (String) staff.postJson("/api/v1/messages", Map.of("customerId", customer.id(), "channel", "EMAIL",
                "category", category, "content", Map.of("subject", "Offer", "text", "Offer"))).get("id");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> settled(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String state = (String) staff.json("/api/v1/messages/{id}", id).get("state");
            return !state.equals("PLANNED") && !state.equals("SENDING");
        });
        return staff.json("/api/v1/messages/{id}", id);
    }

    @Test
    void quietHoursDeferMarketingInTheRecipientsZoneFromTheirPhone() {
        // Sofia is an hour ahead of Prague: a window around Sofia's time now does not hold Prague's.
        LocalTime sofia = LocalTime.now(ZoneId.of("Europe/Sofia"));
        owner.put("/api/v1/communication-settings", Map.of("timeZone", "Europe/Prague", "timeZoneFromPhone", true,
                "quietHours", Map.of("start", HH_MM.format(sofia.minusMinutes(10)), "end", HH_MM.format(sofia.plusMinutes(30)))))
                .expectStatus().isOk().expectBody().jsonPath("$.quietHours.start").exists();
        CustomerEvents.Customer inSofia = subscribed("+359888" + String.format("%06d", (int) (Math.random() * 1e6)));
        CustomerEvents.Customer inPrague = subscribed("+420606" + String.format("%06d", (int) (Math.random() * 1e6)));

        Map<String, Object> deferred = settled(send(inSofia, "MARKETING"));
        Map<String, Object> sent = settled(send(inPrague, "MARKETING"));
        Map<String, Object> transactional = settled(send(inSofia, "TRANSACTIONAL"));

        assertThat(deferred).containsEntry("state", "DEFERRED").containsEntry("reasonCode", "quiet-hours");
        Instant due = Instant.parse((String) deferred.get("dueAt"));
        assertThat(due.atZone(ZoneId.of("Europe/Sofia")).toLocalTime().withSecond(0).withNano(0))
                .isEqualTo(sofia.plusMinutes(30).withSecond(0).withNano(0));
        assertThat(sent).containsEntry("state", "SENT");
        assertThat(transactional).containsEntry("state", "SENT");
        staff.get("/api/v1/messages/{id}/why", deferred.get("id")).expectBody()
                .jsonPath("$.decisions[-1].checks[?(@.rule == 'quiet-hours')].detail").value(details ->
                        assertThat(((java.util.List<?>) details).getFirst().toString())
                                .contains("Europe/Sofia (from the phone number's country)"));
        var scheduled = EventJson.read(events.awaitFor(inSofia.id(), 1,
                e -> e.type().equals("communication.message-scheduled.v1")).getFirst().value());
        assertThat(scheduled.data().get("reasonCode").asString()).isEqualTo("quiet-hours");
        assertThat(Instant.parse(scheduled.data().get("dueAt").asString())).isEqualTo(due);
    }

    @Test
    void theFrequencyCapDefersTheMessageOverTheCapUntilTheFirstLeavesTheWindow() {
        owner.put("/api/v1/communication-settings", Map.of("marketingCap", Map.of("maxMessages", 1, "period", "PT1H")))
                .expectStatus().isOk();
        CustomerEvents.Customer jana = subscribed("+420607" + String.format("%06d", (int) (Math.random() * 1e6)));

        Map<String, Object> first = settled(send(jana, "MARKETING"));
        Map<String, Object> second = settled(send(jana, "MARKETING"));
        Map<String, Object> transactional = settled(send(jana, "TRANSACTIONAL"));

        assertThat(first).containsEntry("state", "SENT");
        assertThat(second).containsEntry("state", "DEFERRED").containsEntry("reasonCode", "frequency-cap");
        // The first counts from the moment its hand-off was decided, its SEND decision.
        @SuppressWarnings("unchecked")
        var decisions = (java.util.List<Map<String, Object>>) staff.json("/api/v1/messages/{id}/why", first.get("id"))
                .get("decisions");
        Instant handedOff = Instant.parse((String) decisions.stream().filter(d -> "SEND".equals(d.get("outcome")))
                .findFirst().orElseThrow().get("at"));
        Instant due = Instant.parse((String) second.get("dueAt"));
        assertThat(due).isEqualTo(handedOff.plus(Duration.ofHours(1)).plusMillis(1));
        assertThat(due).isBefore(Instant.parse((String) first.get("sentAt")).plus(Duration.ofHours(1)));
        assertThat(transactional).containsEntry("state", "SENT");
        staff.get("/api/v1/messages/{id}/why", second.get("id")).expectBody()
                .jsonPath("$.answer").value(answer -> assertThat((String) answer).startsWith("Waiting until ")
                        .contains("frequency cap of 1 per PT1H reached: deferred to "));
    }

    @Test
    void onlyTheOwnerChangesSettingsAndBadOnesAreRefusedFieldByField() {
        staff.get("/api/v1/communication-settings").expectStatus().isOk().expectBody()
                .jsonPath("$.timeZone").isEqualTo("Europe/Prague")
                .jsonPath("$.quietHours").doesNotExist()
                .jsonPath("$.defaultLanguage").isEqualTo("en");
        staff.put("/api/v1/communication-settings", Map.of("timeZone", "Europe/Sofia")).expectStatus().isForbidden();
        owner.put("/api/v1/communication-settings", Map.of("timeZone", "Mars/Olympus",
                "marketingCap", Map.of("maxMessages", 3, "period", "often"), "quietHours", Map.of("start", "21:00", "end", "21:00")))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
                .jsonPath("$.errors[?(@.field == 'marketingCap.period')]").exists()
                .jsonPath("$.errors[?(@.field == 'quietHours.end')]").exists();
        owner.put("/api/v1/communication-settings", Map.of("quietHours", Map.of("start", "25:00", "end", "08:00"),
                "sender", Map.of("emailAddress", "not an address"), "marketingCap", Map.of("maxMessages", 0, "period", "P1D")))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'quietHours.start')]").exists()
                .jsonPath("$.errors[?(@.field == 'sender.emailAddress')]").exists()
                .jsonPath("$.errors[?(@.field == 'marketingCap.maxMessages')]").exists();
        owner.put("/api/v1/communication-settings", Map.of("timeZone", "Europe/Sofia", "defaultLanguage", "bg",
                "sender", Map.of("emailAddress", "salon@example.bg", "emailName", "Салон"), "consentWordingVersion", "2026-01"))
                .expectStatus().isOk();
        owner.put("/api/v1/communication-settings", Map.of("quietHours", Map.of("start", "21:00", "end", "08:00"),
                "marketingCap", Map.of("maxMessages", 2, "period", "P7D"))).expectStatus().isOk().expectBody()
                .jsonPath("$.quietHours.start").isEqualTo("21:00")
                .jsonPath("$.quietHours.end").isEqualTo("08:00")
                .jsonPath("$.marketingCap.period").isEqualTo("P7D");
        owner.put("/api/v1/communication-settings", Map.of("timeZone", "Europe/Sofia", "defaultLanguage", "bg",
                "sender", Map.of("emailAddress", "salon@example.bg", "emailName", "Салон"), "consentWordingVersion", "2026-01"))
                .expectStatus().isOk();
        staff.get("/api/v1/communication-settings").expectBody()
                .jsonPath("$.quietHours").doesNotExist()
                .jsonPath("$.timeZone").isEqualTo("Europe/Sofia")
                .jsonPath("$.sender.emailName").isEqualTo("Салон")
                .jsonPath("$.consentWordingVersion").isEqualTo("2026-01");
    }

    @Test
    void aMessageRequestedForLaterIsPlannedAnnouncedAndSentWhenDue() {
        CustomerEvents.Customer jana = subscribed("+420608" + String.format("%06d", (int) (Math.random() * 1e6)));
        Instant later = Instant.now().plusSeconds(2);

        String id = (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "content", Map.of("subject", "Later", "text", "Later"),
                "notBefore", later.toString())).get("id");

        staff.get("/api/v1/messages/{id}", id).expectBody().jsonPath("$.state").isEqualTo("PLANNED")
                .jsonPath("$.reasonCode").isEqualTo("not-before");
        Map<String, Object> sent = settled(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(staff.json("/api/v1/messages/{id}", id).get("state")));
        assertThat(Instant.parse((String) staff.json("/api/v1/messages/{id}", id).get("sentAt"))).isAfterOrEqualTo(
                later.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(sent).isNotNull();
        assertThat(events.awaitFor(jana.id(), 1, e -> e.type().equals("communication.message-scheduled.v1"))).hasSize(1);
    }
}
