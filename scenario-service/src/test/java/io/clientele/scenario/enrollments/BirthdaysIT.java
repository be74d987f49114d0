package io.clientele.scenario.enrollments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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

/**
 * S-2 birthday greeting from customer.events' date of birth: one durable timer per customer at 09:00 Prague time
 * of the next birthday (no scan), moved when the date changes, gone when it is removed or the customer erased, and
 * set for the next year once it fired; on a moved clock, never a sleep.
 */
@ServiceIT
class BirthdaysIT {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ScenarioWorld world;

    @BeforeEach
    void world() {
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aCustomerIsGreetedOnTheirBirthdayAtNineAndTheNextYearsGreetingIsSetThen() {
        world.owner.postJson("/api/v1/scenarios/ready-made/birthday-greeting", Map.of("channel", "EMAIL"));
        UUID customer = UUID.randomUUID();
        LocalDate birthday = inDays(2);
        world.feed.bornOn("customer.created.v1", world.workspace, customer, birthday.withYear(1990));
        Instant greeting = ZonedDateTime.of(birthday, LocalTime.of(9, 0), PRAGUE).toInstant();
        awaitNextBirthday(customer, greeting);
        assertThat(timers(customer)).containsExactly(world.workspace + "/" + customer + "@" + greeting.toEpochMilli());

        world.advance(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        assertThat(world.commands().get(0).at("/data/templateKey").asString()).isEqualTo("birthday-greeting");
        assertThat(world.commands().get(0).at("/data/customerId").asString()).isEqualTo(customer.toString());
        assertThat(EventContracts.violations(world.commands().get(0).toString())).isEmpty();
        Instant nextYear = ZonedDateTime.of(birthday.plusYears(1), LocalTime.of(9, 0), PRAGUE).toInstant();
        awaitNextBirthday(customer, nextYear);
        assertThat(timers(customer)).containsExactly(world.workspace + "/" + customer + "@" + nextYear.toEpochMilli());
        assertThat(world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("\"birthDate\":\"" + birthday.withYear(1990) + "\"");
    }

    @Test
    void customersKnownBeforeTheGreetingIsSwitchedOnAreGreetedOnceAndNotWhileItIsPaused() {
        // dates of birth arrive while the workspace has no birthday scenario: every known date still has its timer
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        world.feed.bornOn("customer.created.v1", world.workspace, early, inDays(2).withYear(1985));
        world.feed.bornOn("customer.created.v1", world.workspace, late, inDays(5).withYear(1986));
        awaitNextBirthday(early, ZonedDateTime.of(inDays(2), LocalTime.of(9, 0), PRAGUE).toInstant());
        awaitNextBirthday(late, ZonedDateTime.of(inDays(5), LocalTime.of(9, 0), PRAGUE).toInstant());
        assertThat(timers(early)).hasSize(1);
        assertThat(timers(late)).hasSize(1);

        // switched on afterwards, twice: one scenario, and the customers already known are greeted by it once
        Object scenario = world.owner.postJson("/api/v1/scenarios/ready-made/birthday-greeting", Map.of()).get("id");
        assertThat(world.owner.postJson("/api/v1/scenarios/ready-made/birthday-greeting", Map.of()).get("id"))
                .isEqualTo(scenario);
        world.advance(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        assertThat(world.commands().get(0).at("/data/customerId").asString()).isEqualTo(early.toString());
        assertThat(world.commands().get(0).at("/data/templateKey").asString()).isEqualTo("birthday-greeting");
        awaitNextBirthday(early, ZonedDateTime.of(inDays(-1).plusYears(1), LocalTime.of(9, 0), PRAGUE).toInstant());

        // paused, it greets nobody (as any paused scenario starts nothing); the customer's timer goes on to next year
        world.owner.post("/api/v1/scenarios/{id}/pause", Map.of(), scenario).expectStatus().isOk();
        world.advance(Duration.ofDays(3));
        awaitNextBirthday(late, ZonedDateTime.of(inDays(-1).plusYears(1), LocalTime.of(9, 0), PRAGUE).toInstant());
        assertThat(timers(late)).hasSize(1);
        assertThat(world.commands()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE workspace_id = ?", Integer.class,
                world.workspace)).isEqualTo(1);
    }

    @Test
    void aChangedDateMovesTheGreetingAndARemovedOneCancelsIt() {
        world.owner.postJson("/api/v1/scenarios/ready-made/birthday-greeting", Map.of());
        UUID moved = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        world.feed.bornOn("customer.created.v1", world.workspace, moved, inDays(3).withYear(1980));
        world.feed.bornOn("customer.created.v1", world.workspace, removed, inDays(3).withYear(1981));
        awaitNextBirthday(moved, ZonedDateTime.of(inDays(3), LocalTime.of(9, 0), PRAGUE).toInstant());
        awaitNextBirthday(removed, ZonedDateTime.of(inDays(3), LocalTime.of(9, 0), PRAGUE).toInstant());

        world.feed.bornOn("customer.updated.v1", world.workspace, moved, inDays(6).withYear(1980));
        world.feed.bornOn("customer.updated.v1", world.workspace, removed, null);
        Instant later = ZonedDateTime.of(inDays(6), LocalTime.of(9, 0), PRAGUE).toInstant();
        awaitNextBirthday(moved, later);
        awaitNextBirthday(removed, null);

        // the old moment passes: its timers fire and find nothing to do
        world.advance(Duration.ofDays(4).plusHours(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> timers(removed).isEmpty()
                && timers(moved).size() == 1);
        assertThat(world.commands()).isEmpty();

        world.advance(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(60)).until(() -> world.commands().size() == 1);
        assertThat(world.commands().get(0).at("/data/customerId").asString()).isEqualTo(moved.toString());
    }

    @Test
    void anErasedCustomersBirthdayIsForgottenAndTheirTimerDoesNothing() {
        world.owner.postJson("/api/v1/scenarios/ready-made/birthday-greeting", Map.of());
        UUID customer = UUID.randomUUID();
        world.feed.bornOn("customer.created.v1", world.workspace, customer, inDays(1).withYear(1975));
        awaitNextBirthday(customer, ZonedDateTime.of(inDays(1), LocalTime.of(9, 0), PRAGUE).toInstant());

        world.feed.erased(world.workspace, customer);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM customer WHERE workspace_id = ? AND id = ? AND erased_at IS NOT NULL
                   AND birth_date IS NULL AND next_birthday_at IS NULL""", Integer.class, world.workspace,
                customer) == 1);
        world.advance(Duration.ofDays(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> timers(customer).isEmpty());
        assertThat(world.commands()).isEmpty();
        assertThat(world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("\"birthDate\":null");
    }

    /** The calendar day in Prague this many days from the test clock's now. */
    private LocalDate inDays(int days) {
        return world.now().atZone(PRAGUE).toLocalDate().plusDays(days);
    }

    private void awaitNextBirthday(UUID customer, Instant expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Timestamp> next = jdbc.queryForList("SELECT next_birthday_at FROM customer WHERE workspace_id = ?"
                    + " AND id = ? AND (birth_date IS NOT NULL OR next_birthday_at IS NULL)", Timestamp.class,
                    world.workspace, customer);
            return next.size() == 1 && (expected == null ? next.get(0) == null
                    : next.get(0) != null && next.get(0).toInstant().equals(expected));
        });
    }

    private List<String> timers(UUID customer) {
        return jdbc.queryForList("SELECT task_instance FROM scheduled_tasks WHERE task_name = 'scenario-birthday'"
                + " AND task_instance LIKE ?", String.class, world.workspace + "/" + customer + "@%");
    }
}
