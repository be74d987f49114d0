package io.clientele.scenario.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.scenario.CustomerServiceStandIn;
import io.clientele.scenario.ScenarioApplication;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.tokens.TestTokens;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-3: the instance running a campaign is killed (kill -9, a separate process on the same database) in the middle
 * of it. Its token died with it; the campaign stays RUNNING until its lease runs out, then reads as INTERRUPTED on
 * this instance, and a resume here with a fresh token finishes it from the stored cursor: every customer enrolled
 * once, the pages after the kill asked with the fresh token.
 */
@ServiceIT
class CampaignInstanceKilledIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    CustomerServiceStandIn customerService;

    ScenarioWorld world;
    ServiceProcess other;
    int otherPort;

    @BeforeEach
    void world() {
        world = new ScenarioWorld(port, bootstrap, clock, jdbc);
    }

    @AfterEach
    void close() {
        customerService.letGo();
        if (other != null) {
            other.close();
        }
        world.close();
    }

    @Test
    void aCampaignWhoseProcessIsKilledMidWayIsInterruptedAndAResumeElsewhereFinishesItOnceForEveryone()
            throws Exception {
        other = startAnotherInstance();
        UUID scenario = world.scenario("""
                {"name": "Spring offer", "trigger": "CAMPAIGN", "entry": {"reEntry": "ONCE"}, "steps": [
                  {"id": "wait", "type": "WAIT", "duration": "P7D"},
                  {"id": "offer", "type": "SEND", "title": "Spring offer",
                   "message": {"templateKey": "spring-offer", "channel": "EMAIL", "category": "MARKETING"}}]}""");
        UUID group = UUID.randomUUID();
        customerService.group(world.workspace, group, CustomerServiceStandIn.ids(500));
        customerService.holdFrom(200);
        String firstToken = TestTokens.staff(world.workspace);
        URI location = Api.withToken(otherPort, firstToken).post("/api/v1/scenarios/{id}/campaigns",
                Map.of("groupId", group.toString()), scenario).expectStatus().isAccepted().expectBody(String.class)
                .returnResult().getResponseHeaders().getLocation();
        UUID campaign = UUID.fromString(location.getPath().substring(location.getPath().lastIndexOf('/') + 1));
        // read from the table, not the API: this instance must not judge the lease while the other one lives
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT seen FROM campaign WHERE workspace_id = ? AND id = ?", Integer.class, world.workspace,
                campaign) == 200);

        ProcessHandle.of(other.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no shutdown hook runs
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(other.pid()).isEmpty()
                || !ProcessHandle.of(other.pid()).get().isAlive());
        customerService.letGo();
        assertThat(jdbc.queryForObject("SELECT state FROM campaign WHERE workspace_id = ? AND id = ?", String.class,
                world.workspace, campaign)).as("nobody could say it stopped").isEqualTo("RUNNING");

        world.advance(Duration.ofMinutes(1)); // past the killed instance's lease (10 s here)
        JsonNode interrupted = progress(location);
        assertThat(interrupted.get("state").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("reason").asString()).contains("lease ran out");
        assertThat(interrupted.get("enrolled").asInt()).isEqualTo(200);

        String freshToken = TestTokens.mint(world.workspace, "staff-next-morning", "STAFF");
        Api.withToken(port, freshToken).post(location.getPath() + "/resume", Map.of()).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(120)).until(() -> progress(location).get("state").asString()
                .equals("DONE"));

        assertThat(progress(location).get("enrolled").asInt()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE workspace_id = ? AND started_by = ?",
                Integer.class, world.workspace, "campaign:" + campaign)).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT customer_id) FROM enrollment WHERE workspace_id = ?"
                + " AND started_by = ?", Integer.class, world.workspace, "campaign:" + campaign)).isEqualTo(500);
        assertThat(customerService.calls()).filteredOn(call -> call.path().endsWith(group + "/members")
                && call.query().contains("cursor=400")).extracting(CustomerServiceStandIn.Call::authorization)
                .containsOnly("Bearer " + freshToken);
    }

    /**
     * scenario-service from this build's classes (not the tests'), as its own JVM, on this test's database and
     * broker, trusting test tokens; it reads no events (it would hold partitions of this instance's consumer
     * group after the kill) and its timers poll rarely (it is here for the campaign).
     */
    private ServiceProcess startAnotherInstance() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        try (ServerSocket free = new ServerSocket(0)) {
            otherPort = free.getLocalPort();
        }
        Path log = Files.createTempFile("scenario-service-killed-", ".log");
        ServiceProcess process = ServiceProcess.start(classpath, ScenarioApplication.class.getName(), otherPort,
                Map.of(), log, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dspring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "-Dspring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "-Dspring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "-Dspring.kafka.bootstrap-servers=" + bootstrap,
                "-Dspring.cloud.stream.kafka.binder.brokers=" + bootstrap,
                "-Dspring.cloud.stream.bindings.customerEvents-in-0.consumer.auto-startup=false",
                "-Dspring.cloud.stream.bindings.communicationEvents-in-0.consumer.auto-startup=false",
                "-Dclientele.security.jwt.hmac-secret=" + TestTokens.secret(),
                "-Dclientele.security.jwt.jwk-set-uri=",
                "-Dclientele.scenario.customer-service.url=" + customerService.url(),
                "-Dclientele.scenario.campaigns.lease=PT10S",
                "-Dclientele.scenario.timers.polling-interval=PT1H");
        process.awaitReady(Duration.ofSeconds(180));
        return process;
    }

    private JsonNode progress(URI location) {
        return JSON.readTree(world.staff.get(location.getPath()).expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }
}
