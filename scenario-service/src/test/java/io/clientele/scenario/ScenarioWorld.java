package io.clientele.scenario;

import static org.awaitility.Awaitility.await;

import io.clientele.testkit.http.Api;
import io.clientele.testkit.kafka.EventsTap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test data for scenarios, readable at the call site: a workspace, its scenarios, customers and reservations. */
public final class ScenarioWorld implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final UUID workspace = UUID.randomUUID();
    public final Api owner;
    public final Api staff;
    public final CustomerEventsFeed feed;
    public final EventsTap tap;
    private final TestClock clock;
    private final JdbcTemplate jdbc;

    public ScenarioWorld(int port, String bootstrap, TestClock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        owner = Api.owner(port, workspace);
        staff = Api.staff(port, workspace);
        feed = new CustomerEventsFeed(bootstrap);
        tap = new EventsTap(bootstrap, "communication.commands", "scenario.events");
        this.clock = clock;
    }

    public UUID scenario(String definition) {
        String body = owner.raw(HttpMethod.POST, "/api/v1/scenarios", MediaType.APPLICATION_JSON, definition)
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        return UUID.fromString(JSON.readTree(body).get("id").asString());
    }

    public Instant now() {
        return clock.instant();
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /** A synced customer with a reservation booked (created), once the service planned it. */
    public void booked(UUID customer, UUID reservation, Instant startsAt) {
        feed.reservation(workspace, customer, reservation, "CREATED", "BOOKED", startsAt, now());
    }

    /** A customer customer-service announced, once this service knows them. */
    public UUID customer(boolean synced) {
        UUID customer = UUID.randomUUID();
        feed.created(workspace, customer, synced);
        await().atMost(Duration.ofSeconds(60)).until(() -> known("customer", customer));
        return customer;
    }

    /** Whether the service applied an event about a customer or a reservation (its read model holds the row). */
    public boolean known(String table, UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE workspace_id = ? AND id = ?",
                Integer.class, workspace, id) == 1;
    }

    /** Waits until the service read an event about the customer with this status (status-changed). */
    public void awaitStatus(UUID customer, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM customer WHERE workspace_id = ? AND id = ? AND status = ?", Integer.class,
                workspace, customer, status) == 1);
    }

    public List<JsonNode> enrollments(UUID customer) {
        String body = staff.get("/api/v1/customers/{c}/enrollments", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> list = new java.util.ArrayList<>();
        JSON.readTree(body).forEach(list::add);
        return list;
    }

    public List<JsonNode> planned(UUID customer) {
        String body = staff.get("/api/v1/customers/{c}/planned-steps", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> list = new java.util.ArrayList<>();
        JSON.readTree(body).forEach(list::add);
        return list;
    }

    /** Waits (polling, not sleeping for a timer) until the customer has this many planned steps. */
    public List<JsonNode> awaitPlanned(UUID customer, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> planned(customer).size() == count);
        return planned(customer);
    }

    public List<JsonNode> commands() {
        return tap.ofType(workspace, "communication.send-requested.v1");
    }

    public List<JsonNode> events(String type) {
        return tap.ofType(workspace, type);
    }

    public Map<String, Object> start(UUID customer, UUID scenario) {
        return staff.postJson("/api/v1/customers/{c}/enrollments", Map.of("scenarioId", scenario.toString()), customer);
    }

    @Override
    public void close() {
        feed.close();
        tap.close();
    }
}
