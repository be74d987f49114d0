package io.clientele.scenario.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.privacy.PersonalColumns;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.privacy.MarkerScan;
import io.clientele.testkit.privacy.SchemaColumns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * C-5 and C-12 in scenario-service through {@link PersonalData}: every column of the schema is classified; a
 * customer whose every personal free-text column holds a marker of this run, all shown by the export; after
 * {@code customer.erased.v1} no column of any table holds any of them, their enrollments and steps are gone and
 * late events cannot bring them back.
 * <p>
 * The outbox relay is stopped meanwhile, so the customer's send command and scenario events are still waiting
 * when the erasure arrives: they carry the same data and must go too.
 */
@ServiceIT
class PersonalDataIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRelay relay;
    @Autowired
    TestClock clock;

    final String run = "zq" + letters(8);
    ScenarioWorld world;

    @BeforeEach
    void holdEveryEventInTheOutbox() {
        relay.stop();
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
    }

    @AfterEach
    void relayAgain() {
        relay.start();
        world.close();
    }

    @Test
    void everyColumnOfEveryTableIsClassifiedAsPersonalOrNotInOnePlace() {
        SchemaColumns.assertClassified(jdbc, PersonalData.qualifiedNames(), 60);
    }

    @Test
    void theErasureEndsTheCustomersScenariosAndLeavesNoneOfTheirDataAnywhere() {
        world.owner.postJson("/api/v1/scenarios/ready-made/reservation-reminder", Map.of());
        UUID customer = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        world.feed.reservationWith(world.workspace, customer, reservation, world.now().plus(Duration.ofHours(5)),
                run + "service", run + "staff", run + "location");
        world.awaitPlanned(customer, 1);
        world.advance(Duration.ofHours(3).plusMinutes(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM platform.outbox_event WHERE event_type = 'communication.send-requested.v1'
                   AND message_key = ?""", Integer.class, customer.toString()) == 1);

        assertThat(PersonalData.personalFreeText().stream().map(PersonalColumns.Column::qualifiedName)
                .filter(column -> columnsHoldingAMarker().stream().noneMatch(column::equals)))
                .as("personal free-text columns this test did not fill: make it fill them").isEmpty();

        String export = world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).as("the export shows what the database holds about the customer")
                .contains(run + "service", run + "staff", run + "location", "\"stepId\":\"reminder-2h\"",
                        "\"outcome\":\"REQUESTED\"", "\"synced\":true");

        world.feed.erased(world.workspace, customer);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM customer WHERE workspace_id = ? AND id = ? AND erased_at IS NOT NULL",
                Integer.class, world.workspace, customer) == 1);

        assertThat(columnsHoldingAMarker()).as("columns still holding the erased customer's data").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE customer_id = ?", Integer.class,
                customer)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event WHERE message_key = ?",
                Integer.class, customer.toString())).isZero();
        assertThat(world.enrollments(customer)).isEmpty();
        assertThat(world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("\"reservations\":[]", "\"enrollments\":[]").doesNotContain(run);

        // a reservation event arriving late brings back neither the customer nor a scenario
        UUID late = UUID.randomUUID();
        String lateEvent = world.feed.reservationWith(world.workspace, customer, late,
                world.now().plus(Duration.ofDays(3)), run + "late", null, null);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM platform.inbox_event WHERE event_id = ?", Integer.class, lateEvent) == 1);
        assertThat(world.known("reservation", late)).isFalse();
        assertThat(world.enrollments(customer)).isEmpty();
        assertThat(columnsHoldingAMarker()).isEmpty();
        world.staff.post("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", UUID.randomUUID().toString()),
                customer).expectStatus().isNotFound();
    }

    /** Every column of every table, classified or not: the schema scan of what is left. */
    private List<String> columnsHoldingAMarker() {
        return new MarkerScan(jdbc, Pattern.compile(run + "[a-z]*"), List.of(run), "public", "platform")
                .columnsHoldingAMarker();
    }

    private static String letters(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
