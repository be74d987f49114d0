package io.clientele.scenario.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.scenario.CustomerServiceStandIn;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.privacy.MarkerScan;
import io.clientele.testkit.tokens.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-3 campaigns against a real HTTP server playing customer-service, on real PostgreSQL and Kafka: a group and a
 * filter enrolled in the background a page at a time, with the caller's token and never twice; skips by reason;
 * customer-service down (breaker open: INTERRUPTED, then resumed); an instance that died mid-way (its lease runs
 * out on the moved clock: INTERRUPTED, resumed with a fresh token, the old run fenced out); bad input, roles and
 * workspaces.
 */
@ServiceIT
class CampaignsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CAMPAIGN_SCENARIO = """
            {"name": "Spring offer", "trigger": "CAMPAIGN", "entry": {"reEntry": "ONCE"}, "steps": [
              {"id": "wait", "type": "WAIT", "duration": "P7D"},
              {"id": "offer", "type": "SEND", "title": "Spring offer",
               "message": {"templateKey": "spring-offer", "channel": "EMAIL", "category": "MARKETING"}}]}""";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CustomerServiceStandIn customerService;
    @Autowired
    CustomerDirectory directory;

    ScenarioWorld world;
    String token;
    Api caller;

    @BeforeEach
    void world() {
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
        token = TestTokens.staff(world.workspace);
        caller = Api.withToken(port, token);
        customerService.down(false);
        customerService.letGo();
        directory.breaker().reset();
    }

    @AfterEach
    void close() {
        customerService.down(false);
        customerService.letGo();
        directory.breaker().reset();
        world.close();
    }

    @Test
    void aGroupIsEnrolledPageByPageInTheBackgroundWithTheCallersTokenAndSkipsAreCountedByReason() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        UUID running = world.customer(false);
        world.start(running, scenario);
        UUID endedBefore = world.customer(false);
        UUID firstEnrollment = UUID.fromString((String) world.start(endedBefore, scenario).get("id"));
        world.staff.post("/api/v1/enrollments/{id}/end", Map.of(), firstEnrollment).expectStatus().isOk();
        UUID erased = world.customer(false);
        world.feed.erased(world.workspace, erased);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT count(*) FROM customer"
                + " WHERE workspace_id = ? AND id = ? AND erased_at IS NOT NULL", Integer.class, world.workspace,
                erased) == 1);
        List<UUID> members = new ArrayList<>(CustomerServiceStandIn.ids(447));
        members.addAll(List.of(running, endedBefore, erased));
        UUID group = UUID.randomUUID();
        customerService.group(world.workspace, group, members);

        EntityExchangeResult<String> accepted = caller.post("/api/v1/scenarios/{id}/campaigns",
                Map.of("groupId", group.toString()), scenario).expectStatus().isAccepted().expectBody(String.class)
                .returnResult();
        URI location = accepted.getResponseHeaders().getLocation();
        assertThat(location.getPath()).startsWith("/api/v1/campaigns/");
        JsonNode done = awaitState(location, "DONE");

        assertThat(done.get("total").asInt()).isEqualTo(450);
        assertThat(done.get("expected").asInt()).as("the group's size when it started").isEqualTo(450);
        assertThat(done.get("enrolled").asInt()).isEqualTo(447);
        assertThat(done.get("skipped").asInt()).isEqualTo(3);
        assertThat(done.get("failed").asInt()).isZero();
        assertThat(done.get("pages").asInt()).isEqualTo(3);
        assertThat(done.at("/skippedBy/already in the scenario").asInt()).isEqualTo(1);
        assertThat(done.at("/skippedBy/re-entry ONCE: the customer was in this scenario before").asInt()).isEqualTo(1);
        assertThat(done.at("/skippedBy/the customer was erased").asInt()).isEqualTo(1);
        String campaign = done.get("id").asString();
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT customer_id) FROM enrollment WHERE workspace_id = ?"
                + " AND started_by = ?", Integer.class, world.workspace, "campaign:" + campaign)).isEqualTo(447);
        assertThat(world.enrollments(members.get(0))).hasSize(1);
        assertThat(customerService.calls()).filteredOn(call -> call.path().endsWith(group + "/members"))
                .hasSize(3) // three pages of 200
                .allSatisfy(call -> {
                    assertThat(call.authorization()).isEqualTo("Bearer " + token);
                    assertThat(call.query()).contains("sort=createdAt", "limit=200");
                });
        assertThat(customerService.calls()).filteredOn(call -> call.path().endsWith("/groups/" + group))
                .as("the group asked for once, when the campaign was started").hasSize(1)
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer " + token));
        assertThat(new MarkerScan(jdbc, Pattern.compile(Pattern.quote(signature(token))), List.of(signature(token)),
                "public", "platform").columnsHoldingAMarker()).as("the caller's token is never stored").isEmpty();
        assertThat(world.staff.get("/api/v1/scenarios/{id}/campaigns", scenario).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains(campaign);
    }

    @Test
    void aFilterIsAskedOfTheCustomerListWithTheListsOwnParameters() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        customerService.list(world.workspace, CustomerServiceStandIn.ids(5));

        URI location = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("filter",
                Map.of("status", List.of("REGULAR", "PROBLEMATIC"), "synced", false)), scenario).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseHeaders().getLocation();

        JsonNode done = awaitState(location, "DONE");
        assertThat(done.get("enrolled").asInt()).isEqualTo(5);
        assertThat(done.get("expected").isNull()).as("customer-service counts no filter").isTrue();
        assertThat(done.get("total").asInt()).isEqualTo(5);
        assertThat(customerService.calls()).filteredOn(call -> call.path().equals("/api/v1/customers")
                && call.authorization().equals("Bearer " + token)).isNotEmpty()
                .allSatisfy(call -> assertThat(call.query()).contains("status=REGULAR", "status=PROBLEMATIC", "synced=false"));
    }

    @Test
    void customerServiceDownInterruptsTheCampaignWithTheReasonAndAResumeFinishesItWithoutEnrollingAnyoneTwice() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        UUID group = UUID.randomUUID();
        List<UUID> members = CustomerServiceStandIn.ids(450);
        customerService.group(world.workspace, group, members);
        customerService.holdFrom(200);
        URI location = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", group.toString()),
                scenario).expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders()
                .getLocation();
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(location).get("seen").asInt() == 200);

        customerService.down(true);
        customerService.letGo();
        JsonNode interrupted = awaitState(location, "INTERRUPTED");
        assertThat(interrupted.get("reason").asString()).contains("customer-service answered 503", "resume");
        assertThat(interrupted.get("enrolled").asInt()).isEqualTo(200);

        // still down: new campaigns are refused at once, and after a few failures the breaker opens
        for (int i = 0; i < 3; i++) {
            caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", group.toString()), scenario)
                    .expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        String open = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", group.toString()), scenario)
                .expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(open).contains("circuit breaker is open");

        // resumed while the breaker is open: the run stops at its first call, without waiting for a timeout
        caller.post(location.getPath() + "/resume", Map.of()).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(location).get("state").asString()
                .equals("INTERRUPTED") && progress(location).get("reason").asString().contains("circuit breaker is open"));

        customerService.down(false);
        directory.breaker().reset();
        caller.post(location.getPath() + "/resume", Map.of()).expectStatus().isAccepted();
        JsonNode done = awaitState(location, "DONE");
        assertThat(done.get("enrolled").asInt()).isEqualTo(450);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE workspace_id = ? AND started_by = ?",
                Integer.class, world.workspace, "campaign:" + done.get("id").asString())).isEqualTo(450);
    }

    @Test
    void aCampaignWhoseInstanceDiedIsInterruptedByItsLeaseAndResumedWithAFreshTokenFromWhereItStopped() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        UUID group = UUID.randomUUID();
        customerService.group(world.workspace, group, CustomerServiceStandIn.ids(450));
        customerService.holdFrom(200);
        URI location = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", group.toString()),
                scenario).expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders()
                .getLocation();
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(location).get("seen").asInt() == 200);

        // the run is stuck as a dead instance's would be: no page finishes, the lease (2 min) is not renewed
        world.advance(Duration.ofMinutes(3));
        JsonNode interrupted = progress(location);
        assertThat(interrupted.get("state").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("reason").asString()).contains("lease ran out");

        String fresh = TestTokens.mint(world.workspace, "another-staff", "STAFF");
        Api.withToken(port, fresh).post(location.getPath() + "/resume", Map.of()).expectStatus().isAccepted();
        customerService.letGo(); // the old run's page comes back too: it finds itself fenced out
        JsonNode done = awaitState(location, "DONE");

        assertThat(done.get("enrolled").asInt()).isEqualTo(450);
        assertThat(done.get("seen").asInt()).isEqualTo(450);
        String campaign = done.get("id").asString();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE workspace_id = ? AND started_by = ?",
                Integer.class, world.workspace, "campaign:" + campaign)).isEqualTo(450);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT customer_id) FROM enrollment WHERE workspace_id = ?"
                + " AND started_by = ?", Integer.class, world.workspace, "campaign:" + campaign)).isEqualTo(450);
        assertThat(customerService.calls()).filteredOn(call -> call.path().endsWith(group + "/members")
                && call.query().contains("cursor=400")).extracting(CustomerServiceStandIn.Call::authorization)
                .containsOnly("Bearer " + fresh);
        Api.withToken(port, fresh).post(location.getPath() + "/resume", Map.of()).expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).contains("campaign-done"));
    }

    @Test
    void aGroupDeletedMidWayFailsTheCampaignAndAnExpiredTokenInterruptsIt() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        customerService.group(world.workspace, deleted, CustomerServiceStandIn.ids(300));
        customerService.group(world.workspace, kept, CustomerServiceStandIn.ids(300));
        customerService.holdFrom(200);
        Api colleague = Api.withToken(port, TestTokens.mint(world.workspace, "colleague", "STAFF"));
        URI failing = colleague.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", deleted.toString()),
                scenario).expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders()
                .getLocation();
        URI expiring = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", kept.toString()),
                scenario).expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders()
                .getLocation();
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(failing).get("seen").asInt() == 200
                && progress(expiring).get("seen").asInt() == 200);

        customerService.deleteGroup(world.workspace, deleted);
        customerService.expire(token);
        customerService.letGo();

        JsonNode failed = awaitState(failing, "FAILED");
        assertThat(failed.get("reason").asString()).contains("customer-service refused (404)");
        assertThat(failed.get("finishedAt").isNull()).isFalse();
        colleague.post(failing.getPath() + "/resume", Map.of()).expectStatus().isEqualTo(409);
        JsonNode interrupted = awaitState(expiring, "INTERRUPTED");
        assertThat(interrupted.get("reason").asString()).contains("token expired", "resume");
        // a fresh token: another subject, so that it is never the expired one minted again within the same second
        Api.withToken(port, TestTokens.mint(world.workspace, "staff-after-expiry", "STAFF"))
                .post(expiring.getPath() + "/resume", Map.of())
                .expectStatus().isAccepted();
        assertThat(awaitState(expiring, "DONE").get("enrolled").asInt()).isEqualTo(300);
    }

    @Test
    void whatACampaignDidWithACustomerIsInTheirExportAndGoesWithTheirErasure() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        UUID customer = world.customer(false);
        customerService.list(world.workspace, List.of(customer));
        URI location = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("filter", Map.of()), scenario)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders().getLocation();
        String campaign = awaitState(location, "DONE").get("id").asString();
        assertThat(world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("\"campaignId\":\"" + campaign + "\"", "\"outcome\":\"ENROLLED\"");

        world.feed.erased(world.workspace, customer);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT count(*) FROM campaign_member"
                + " WHERE workspace_id = ? AND customer_id = ?", Integer.class, world.workspace, customer) == 0);
        assertThat(progress(location).get("enrolled").asInt()).as("the campaign's own counts stay").isEqualTo(1);
        assertThat(world.staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("\"campaigns\":[]");
    }

    @Test
    void badRequestsAreAnsweredWithProblemDocumentsAndWriteNothing() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        String path = "/api/v1/scenarios/" + scenario + "/campaigns";
        for (String body : List.of("{\"groupId\": 5}", "{\"groupId\": \"not-a-uuid\"}", "{\"filter\": \"x\"}",
                "{\"filter\": {\"synced\": \"yes\"}}", "{\"filter\": {\"status\": [1]}}", "{}", "[]",
                "{\"groupId\": \"" + UUID.randomUUID() + "\", \"filter\": {}}", "{\"filter\": {\"q\": \"novak\"}}",
                "{\"filter\": {\"createdFrom\": \"yesterday\"}}", "{\"filter\": {\"colour\": \"red\"}}", "\"x\"")) {
            caller.raw(HttpMethod.POST, path, MediaType.APPLICATION_JSON, body).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        caller.post(path, Map.of("groupId", UUID.randomUUID().toString())).expectStatus().isEqualTo(422)
                .expectBody(String.class).value(body -> assertThat(body).contains("unknown-group", "groupId"));
        customerService.list(world.workspace, List.of());
        caller.post(path, Map.of("filter", Map.of("status", List.of("NOT_A_STATUS")))).expectStatus()
                .isEqualTo(422).expectBody(String.class).value(body -> assertThat(body).contains("filter-refused"));
        caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("filter", Map.of()), UUID.randomUUID()).expectStatus()
                .isNotFound();
        world.owner.post("/api/v1/scenarios/{id}/pause", Map.of(), scenario).expectStatus().isOk();
        caller.post(path, Map.of("filter", Map.of())).expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).contains("scenario-paused"));
        UUID reminder = world.scenario("""
                {"name": "Reminder", "trigger": "RESERVATION_CREATED", "steps": [
                  {"id": "r", "type": "SEND", "message": {"templateKey": "r", "channel": "SMS",
                   "category": "TRANSACTIONAL"}}]}""");
        caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("filter", Map.of()), reminder).expectStatus()
                .isEqualTo(409).expectBody(String.class).value(body -> assertThat(body).contains("campaign-not-possible"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM campaign WHERE workspace_id = ?", Integer.class,
                world.workspace)).isZero();
        caller.get("/api/v1/campaigns/{id}", UUID.randomUUID()).expectStatus().isNotFound();
        caller.post("/api/v1/campaigns/{id}/resume", Map.of(), UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void aPartnerCannotStartCampaignsAndAnotherWorkspaceSeesNone() {
        UUID scenario = world.scenario(CAMPAIGN_SCENARIO);
        customerService.list(world.workspace, CustomerServiceStandIn.ids(3));
        Api.withToken(port, TestTokens.partner(world.workspace)).post("/api/v1/scenarios/{id}/campaigns",
                Map.of("filter", Map.of()), scenario).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        URI location = world.owner.post("/api/v1/scenarios/{id}/campaigns", Map.of("filter", Map.of()), scenario)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders().getLocation();
        awaitState(location, "DONE");

        Api stranger = Api.owner(port, UUID.randomUUID());
        stranger.get(location.getPath()).expectStatus().isNotFound();
        stranger.post(location.getPath() + "/resume", Map.of()).expectStatus().isNotFound();
        stranger.get("/api/v1/scenarios/{id}/campaigns", scenario).expectStatus().isNotFound();
        stranger.post("/api/v1/scenarios/{id}/campaigns", Map.of("filter", Map.of()), scenario).expectStatus()
                .isNotFound();
    }

    private JsonNode progress(URI location) {
        return JSON.readTree(world.staff.get(location.getPath()).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    private JsonNode awaitState(URI location, String state) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode progress = progress(location);
            assertThat(progress.get("state").asString()).as("the campaign's progress: %s", progress).isEqualTo(state);
        });
        return progress(location);
    }

    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
