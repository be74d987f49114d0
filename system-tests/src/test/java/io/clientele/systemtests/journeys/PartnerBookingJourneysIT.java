package io.clientele.systemtests.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.systemtests.journeys.FrontEnd.Answer;
import io.clientele.systemtests.journeys.Partner.Person;
import io.clientele.systemtests.journeys.SmsProviderStandIn.Sms;
import io.clientele.systemtests.system.ClienteleSystem;
import io.clientele.systemtests.system.ClienteleSystem.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Journeys of a salon whose partner booking system feeds Clientele, on the whole system (every service its own
 * process, {@link ClienteleSystem}), driven only as the partner's system and the salon's front end drive it:
 * through the gateway. What is asserted is what staff see in their front end and what reaches the customer's
 * phone (a real HTTP server in the SMS provider's place).
 * <p>
 * Time is controlled by the reservation's start: the reminder two hours before a visit that starts in two hours
 * and some seconds falls due within seconds.
 */
class PartnerBookingJourneysIT {

    private static final UUID WORKSPACE = UUID.randomUUID();
    private static final String FIRST_NAME = "Jana";
    private static final String LAST_NAME = "Novakova";
    private static final Locale CZECH = Locale.forLanguageTag("cs");
    /** From when a step falls due to the SMS at the provider: timers, outbox, Kafka, policy, on two busy cores. */
    private static final Duration SENDING_TOLERANCE = Duration.ofSeconds(30);

    private static SmsProviderStandIn smsProvider;
    private static ClienteleSystem system;
    private static FrontEnd staff;
    private static Partner reservio;
    private static Partner bookio;

    @BeforeAll
    static void startTheSystemAndSwitchTheRemindersOn() throws Exception {
        smsProvider = SmsProviderStandIn.start();
        system = ClienteleSystem.with(Service.CUSTOMER, Service.COMMUNICATION, Service.SCENARIO, Service.ORDER_LINK)
                .environment(Service.COMMUNICATION, "CLIENTELE_COMMUNICATION_SMS_URL", smsProvider.url())
                // five JVMs starting at once take a minute on two quiet cores, several on busy ones
                .startTimeout(Duration.ofMinutes(10)).start();
        staff = new FrontEnd(system.gatewayUrl(), system.token(WORKSPACE, "staff-eva", "STAFF"));
        reservio = new Partner(new FrontEnd(system.gatewayUrl(), system.token(WORKSPACE, "reservio", "PARTNER")));
        bookio = new Partner(new FrontEnd(system.gatewayUrl(), system.token(WORKSPACE, "bookio", "PARTNER")));

        FrontEnd owner = new FrontEnd(system.gatewayUrl(), system.token(WORKSPACE, "owner-lilie", "OWNER"));
        owner.put("/api/v1/communication-settings", """
                {"timeZone": "Europe/Prague", "defaultLanguage": "cs",
                 "sender": {"emailAddress": "salon@lilie.example", "emailName": "Salon Lilie", "smsSender": "SalonLilie"}}""")
                .expect(200);
        // S-2: the ready-made reminder, switched on with one call
        JsonNode scenario = owner.post("/api/v1/scenarios/ready-made/reservation-reminder", "{\"channel\": \"SMS\"}")
                .expect(201);
        assertThat(scenario.path("status").asString()).isEqualTo("ACTIVE");
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        if (smsProvider != null) {
            smsProvider.close();
        }
    }

    @Test
    void aPartnersBookingForAStrangerMakesACustomerWhoGetsTheReminderSmsOnceAtTheTimeOfTheRescheduledVisit() {
        Person jana = stranger();
        Instant firstStart = inWholeSeconds(Instant.now().plus(Duration.ofDays(3)));
        reservio.created("R-" + jana.externalId(), jana, firstStart);

        // the customer exists: staff find them by the phone number the partner gave
        String customerId = awaitCustomerByPhone(jana.phone());
        JsonNode customer = staff.get("/api/v1/customers/" + customerId).expect(200);
        assertThat(customer.path("firstName").asString()).isEqualTo(jana.firstName());
        assertThat(customer.path("email").asString()).isEqualTo(jana.email());

        // another partner books the same person, known there by e-mail only: the same customer
        Person janaAtBookio = new Person("B-" + jana.externalId(), jana.firstName(), jana.lastName(), jana.email(), null);
        Instant secondStart = inWholeSeconds(Instant.now().plus(Duration.ofDays(10)));
        bookio.created("B-R-" + jana.externalId(), janaAtBookio, secondStart);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(staff.get("/api/v1/customers/" + customerId + "/reservations").expect(200)).hasSize(2));
        JsonNode byEmail = staff.get("/api/v1/customers/lookup?email=" + jana.email()).expect(200);
        assertThat(ids(byEmail.path("matches"))).containsExactly(customerId);

        // the ready-made reminder plans a reminder a day and two hours before each visit
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(plannedSteps(customerId))
                .contains(new PlannedStep("reminder-24h", "SMS", firstStart.minus(Duration.ofHours(24))),
                        new PlannedStep("reminder-2h", "SMS", firstStart.minus(Duration.ofHours(2))),
                        new PlannedStep("reminder-24h", "SMS", secondStart.minus(Duration.ofHours(24))),
                        new PlannedStep("reminder-2h", "SMS", secondStart.minus(Duration.ofHours(2)))));
        // and the customer's timeline shows them ahead, beside the visits
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(timeline(customerId, "planned"))
                .contains(new Entry("RESERVATION_UPCOMING", firstStart), new Entry("RESERVATION_UPCOMING", secondStart),
                        new Entry("SCENARIO_STEP_PLANNED", firstStart.minus(Duration.ofHours(24))),
                        new Entry("SCENARIO_STEP_PLANNED", firstStart.minus(Duration.ofHours(2)))));

        // the partner moves the first visit to two hours and a minute from now: the reminders move with it
        Instant movedStart = inWholeSeconds(Instant.now().plus(Duration.ofHours(2)).plusSeconds(60));
        Instant reminderDue = movedStart.minus(Duration.ofHours(2));
        reservio.rescheduled("R-" + jana.externalId(), jana, movedStart);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode steps = enrollmentSteps(customerId, "R-" + jana.externalId());
            assertThat(step(steps, "reminder-2h").path("dueAt").asString()).isEqualTo(reminderDue.toString());
            // the day-before reminder's new time has passed: skipped, never sent late
            assertThat(step(steps, "reminder-24h").path("status").asString()).isEqualTo("SKIPPED");
        });
        assertThat(plannedSteps(customerId)).doesNotContain(
                new PlannedStep("reminder-24h", "SMS", firstStart.minus(Duration.ofHours(24))),
                new PlannedStep("reminder-2h", "SMS", firstStart.minus(Duration.ofHours(2))));

        // the SMS reaches the provider at the reminder's time, once
        await().atMost(until(reminderDue).plus(SENDING_TOLERANCE).plusSeconds(10))
                .pollInterval(Duration.ofMillis(250)).until(() -> !smsProvider.to(jana.e164()).isEmpty());
        Sms sms = smsProvider.to(jana.e164()).getFirst();
        assertThat(sms.receivedAt()).isAfterOrEqualTo(reminderDue.minusSeconds(1))
                .isBefore(reminderDue.plus(SENDING_TOLERANCE));
        String expectedText = "Salon Lilie: připomínáme Vaši rezervaci (" + Partner.SERVICE + ") "
                + czech("EEEE", movedStart) + " " + czechDateTime(movedStart) + ", " + Partner.LOCATION
                + ". Těšíme se na Vás.";
        assertThat(sms.text()).isEqualTo(expectedText);
        assertThat(sms.from()).isEqualTo("SalonLilie");

        // what staff see: the message log holds the exact text sent, and why it went
        JsonNode sent = await().atMost(Duration.ofSeconds(20)).until(() -> messages(customerId).stream()
                .filter(message -> message.path("state").asString().equals("SENT")).findFirst().orElse(null),
                message -> message != null);
        JsonNode message = staff.get("/api/v1/messages/" + sent.path("id").asString()).expect(200);
        assertThat(message.path("channel").asString()).isEqualTo("SMS");
        assertThat(message.path("content").path("to").asString()).isEqualTo(jana.e164());
        assertThat(message.path("content").path("text").asString()).isEqualTo(expectedText);
        assertThat(message.path("stepId").asString()).isEqualTo("reminder-2h");
        assertThat(staff.get("/api/v1/messages/" + sent.path("id").asString() + "/why").expect(200)
                .path("state").asString()).isEqualTo("SENT");

        // the timeline: the visits, the reminder sent, the next visit's reminders still ahead
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(types(timeline(customerId, "past"))).contains("RESERVATION_CREATED", "RESERVATION_RESCHEDULED",
                    "SCENARIO_STEP_EXECUTED", "SCENARIO_STEP_SKIPPED", "MESSAGE_SENT");
            assertThat(timeline(customerId, "planned")).contains(new Entry("RESERVATION_UPCOMING", movedStart),
                    new Entry("SCENARIO_STEP_PLANNED", secondStart.minus(Duration.ofHours(24))),
                    new Entry("SCENARIO_STEP_PLANNED", secondStart.minus(Duration.ofHours(2))))
                    .doesNotContain(new Entry("SCENARIO_STEP_PLANNED", reminderDue));
        });

        // exactly once: nothing more reaches the phone, however the events are redelivered
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> smsProvider.to(jana.e164()).size() == 1);
        assertThat(messages(customerId)).filteredOn(m -> m.path("state").asString().equals("SENT")).hasSize(1);
    }

    @Test
    void staffMuteACustomerAndTheirNextReminderIsSkippedSayingSo() {
        Person petr = stranger();
        Instant start = inWholeSeconds(Instant.now().plus(Duration.ofHours(2)).plusSeconds(75));
        Instant reminderDue = start.minus(Duration.ofHours(2));
        reservio.created("R-" + petr.externalId(), petr, start);
        String customerId = awaitCustomerByPhone(petr.phone());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(plannedSteps(customerId))
                .contains(new PlannedStep("reminder-2h", "SMS", reminderDue)));

        // staff mute the customer (communication-service knows them a moment after customer-service)
        await().atMost(Duration.ofSeconds(30)).until(() -> staff.post("/api/v1/preferences/" + customerId + "/mute",
                "{\"note\": \"asked for no messages this month\"}").status() == 200);
        assertThat(staff.get("/api/v1/preferences/" + customerId).expect(200).path("muted").asBoolean()).isTrue();

        // the reminder falls due and is not sent, and staff can read why
        JsonNode skipped = await().atMost(until(reminderDue).plus(SENDING_TOLERANCE))
                .pollInterval(Duration.ofMillis(500)).until(() -> messages(customerId).stream().findFirst().orElse(null),
                        message -> message != null && List.of("SENT", "SKIPPED", "FAILED").contains(message.path("state").asString()));
        assertThat(skipped.path("state").asString()).isEqualTo("SKIPPED");
        JsonNode why = staff.get("/api/v1/messages/" + skipped.path("id").asString() + "/why").expect(200);
        assertThat(why.path("reasonCode").asString()).isEqualTo("muted");
        assertThat(why.path("answer").asString()).startsWith("Not sent").contains("muted");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types(timeline(customerId, "past")))
                .contains("MUTE_CHANGED", "SCENARIO_STEP_EXECUTED", "MESSAGE_SKIPPED").doesNotContain("MESSAGE_SENT"));
        assertThat(smsProvider.to(petr.e164())).isEmpty();
    }

    @Test
    void anErasedCustomerLeavesNoPersonalDataInAnyStoreOfAnyServiceWhileTheCountsRemain() throws Exception {
        Person eva = stranger();
        Instant start = inWholeSeconds(Instant.now().plus(Duration.ofHours(2)).plusSeconds(40));
        reservio.created("R-" + eva.externalId(), eva, start);
        String customerId = awaitCustomerByPhone(eva.phone());
        staff.post("/api/v1/customers/" + customerId + "/notes",
                "{\"text\": \"Prefers mornings, ask for " + eva.firstName() + "\", \"priority\": \"HIGH\"}").expect(201);
        // the reminder reaches the phone: communication-service holds what it sent, with the number and the text
        await().atMost(until(start.minus(Duration.ofHours(2))).plus(SENDING_TOLERANCE).plusSeconds(10)).until(() -> messages(customerId).stream()
                        .anyMatch(message -> message.path("state").asString().equals("SENT")));
        JsonNode countsBefore = staff.get("/api/v1/messages/counts?customerId=" + customerId).expect(200);
        assertThat(countsBefore).isNotEmpty();

        PersonalDataScan scan = new PersonalDataScan(system, traces(eva));
        assertThat(scan.storesHoldingAny()).as("where the customer's data is before the erasure")
                .contains("customer-service", "communication-service", "order-link-service");

        staff.delete("/api/v1/customers/" + customerId).expect(204);

        // every service forgets the person, each as it reads customer.erased.v1
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(scan.holdingAny()).as("personal data left after the erasure").isEmpty());
        assertThat(staff.get("/api/v1/customers/" + customerId).status()).isEqualTo(410);
        assertThat(staff.get("/api/v1/customers/lookup?email=" + eva.email()).expect(200).path("matches")).isEmpty();
        // what the business counts stays: the messages sent, the visit booked
        assertThat(staff.get("/api/v1/messages/counts?customerId=" + customerId).expect(200)).isEqualTo(countsBefore);
        assertThat(scan.count(Service.CUSTOMER, "SELECT count(*) FROM reservation WHERE workspace_id = ? AND external_id = ?",
                WORKSPACE, "R-" + eva.externalId())).as("the visit, anonymised").isEqualTo(1);
    }

    // ---- what staff read, as records a test can compare

    record PlannedStep(String stepId, String channel, Instant dueAt) {
    }

    record Entry(String type, Instant date) {
    }

    private static List<PlannedStep> plannedSteps(String customerId) {
        return stream(staff.get("/api/v1/customers/" + customerId + "/planned-steps").expect(200))
                .map(step -> new PlannedStep(step.path("stepId").asString(), step.path("channel").asString(),
                        Instant.parse(step.path("dueAt").asString())))
                .toList();
    }

    private static List<Entry> timeline(String customerId, String part) {
        return stream(staff.get("/api/v1/customers/" + customerId + "/timeline?limit=200").expect(200).path(part))
                .map(entry -> new Entry(entry.path("type").asString(), Instant.parse(entry.path("date").asString())))
                .toList();
    }

    private static List<String> types(List<Entry> entries) {
        return entries.stream().map(Entry::type).toList();
    }

    /** The steps of the customer's enrollment about one reservation (the partner's id for it). */
    private static JsonNode enrollmentSteps(String customerId, String reservationExternalId) {
        String reservationId = stream(staff.get("/api/v1/customers/" + customerId + "/reservations").expect(200))
                .filter(reservation -> reservation.path("externalId").asString().equals(reservationExternalId))
                .map(reservation -> reservation.path("id").asString()).findFirst().orElseThrow();
        return stream(staff.get("/api/v1/customers/" + customerId + "/enrollments").expect(200))
                .filter(enrollment -> enrollment.path("reservationId").asString().equals(reservationId))
                .map(enrollment -> enrollment.path("steps")).findFirst()
                .orElseThrow(() -> new AssertionError("no enrollment about reservation " + reservationExternalId));
    }

    private static JsonNode step(JsonNode steps, String stepId) {
        return stream(steps).filter(step -> step.path("stepId").asString().equals(stepId)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + stepId + " in " + steps));
    }

    private static List<JsonNode> messages(String customerId) {
        return stream(staff.get("/api/v1/messages?customerId=" + customerId).expect(200).path("items")).toList();
    }

    private static String awaitCustomerByPhone(String phone) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ids(staff.get("/api/v1/customers/lookup?phone="
                + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)).expect(200)
                .path("matches")), found -> found.size() == 1).getFirst();
    }

    private static List<String> ids(JsonNode customers) {
        return stream(customers).map(customer -> customer.path("id").asString()).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    // ---- people and times

    /**
     * Someone Clientele has never seen: a phone number and e-mail no other journey uses, and names that carry a
     * marker of their own (lower case, so it is found in folded copies too).
     */
    private static Person stranger() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String digits = "777" + String.format("%06d", random.nextInt(1_000_000)); // a Czech mobile number
        String phone = "+420 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
        return new Person("C-" + random.nextInt(1_000_000_000), FIRST_NAME + marker(), LAST_NAME + marker(),
                marker() + "@example.cz", phone);
    }

    /** What of a person would give them away: the names' markers, the e-mail, the phone number as written and as digits. */
    private static List<String> traces(Person person) {
        String national = person.phone().substring("+420 ".length());
        return List.of(person.firstName().substring(FIRST_NAME.length()), person.lastName().substring(LAST_NAME.length()),
                person.email(), national, national.replace(" ", ""));
    }

    private static String marker() {
        return "zq" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    /** From now to then, or none when then has passed. */
    private static Duration until(Instant then) {
        Duration left = Duration.between(Instant.now(), then);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant inWholeSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String czech(String pattern, Instant instant) {
        return DateTimeFormatter.ofPattern(pattern, CZECH).format(instant.atZone(Partner.SALON_ZONE));
    }

    /** How the built-in Czech reminder writes a visit's start: the long date and the short time, in the salon's zone. */
    private static String czechDateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(CZECH).format(instant.atZone(Partner.SALON_ZONE))
                + " " + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(CZECH)
                .format(instant.atZone(Partner.SALON_ZONE));
    }
}
