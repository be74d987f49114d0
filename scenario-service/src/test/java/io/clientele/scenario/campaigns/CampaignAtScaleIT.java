package io.clientele.scenario.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.scenario.CustomerServiceStandIn;
import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-3 at scale, on demand: a campaign over a group of N customers (default 100,000) that a real HTTP server
 * serves in customer-service's pages of 200, into a two-step scenario (a wait, then a message), on real
 * PostgreSQL and Kafka. Measures how long the POST takes (it must not wait for the work), the time to DONE, the
 * customers enrolled per second (overall, and per 10 s of the run), and checks that every customer was enrolled
 * exactly once. Writes scenario-service/target/campaign-benchmark.md.
 *
 * <pre>
 *   ./mvnw -B -o -q -pl scenario-service -am verify -Dtest=none -Dit.test=CampaignAtScaleIT \
 *       -Dfailsafe.failIfNoSpecifiedTests=false -Dclientele.bench.campaign=100000
 * </pre>
 */
@ServiceIT
@EnabledIfSystemProperty(named = "clientele.bench.campaign", matches = "\\d+")
class CampaignAtScaleIT {

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
    CustomerServiceStandIn customerService;

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
    void aCampaignEnrolsAGroupOfAHundredThousandCustomersOnceEachWithoutHoldingTheRequest() throws IOException {
        int customers = Integer.parseInt(System.getProperty("clientele.bench.campaign"));
        UUID scenario = world.scenario("""
                {"name": "Spring offer", "trigger": "CAMPAIGN", "entry": {"reEntry": "ONCE"}, "steps": [
                  {"id": "wait", "type": "WAIT", "duration": "P7D"},
                  {"id": "offer", "type": "SEND", "title": "Spring offer",
                   "message": {"templateKey": "spring-offer", "channel": "EMAIL", "category": "MARKETING"}}]}""");
        UUID group = UUID.randomUUID();
        customerService.group(world.workspace, group, CustomerServiceStandIn.ids(customers));
        Api caller = Api.withToken(port, TestTokens.staff(world.workspace));

        long posted = System.nanoTime();
        URI location = caller.post("/api/v1/scenarios/{id}/campaigns", Map.of("groupId", group.toString()), scenario)
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseHeaders()
                .getLocation();
        double answeredMs = (System.nanoTime() - posted) / 1e6;
        List<String> samples = new ArrayList<>();
        List<Double> progressMs = new ArrayList<>();
        long[] lastSeen = {0};
        long[] lastSample = {System.nanoTime()};
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long asked = System.nanoTime();
            JsonNode progress = JSON.readTree(world.staff.get(location.getPath()).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
            progressMs.add((System.nanoTime() - asked) / 1e6);
            if (System.nanoTime() - lastSample[0] >= 10_000_000_000L) {
                long seen = progress.get("seen").asLong();
                samples.add(String.format("| %.0f s | %,d | %,.0f |", (System.nanoTime() - posted) / 1e9, seen,
                        (seen - lastSeen[0]) / ((System.nanoTime() - lastSample[0]) / 1e9)));
                lastSeen[0] = seen;
                lastSample[0] = System.nanoTime();
            }
            assertThat(progress.get("state").asString()).isIn("RUNNING", "DONE");
            return progress.get("state").asString().equals("DONE");
        });
        double seconds = (System.nanoTime() - posted) / 1e9;
        JsonNode done = JSON.readTree(world.staff.get(location.getPath()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        String campaign = done.get("id").asString();
        int enrollments = jdbc.queryForObject("SELECT count(*) FROM enrollment WHERE workspace_id = ? AND started_by = ?",
                Integer.class, world.workspace, "campaign:" + campaign);
        int distinct = jdbc.queryForObject("SELECT count(DISTINCT customer_id) FROM enrollment WHERE workspace_id = ?"
                + " AND started_by = ?", Integer.class, world.workspace, "campaign:" + campaign);
        progressMs.sort(Double::compare);

        String report = String.format("""
                # Campaign benchmark (%s)

                | customers | pages | POST answered in | DONE after | customers/s | enrollments | distinct customers | progress GET p50 / max |
                |---:|---:|---:|---:|---:|---:|---:|---:|
                | %,d | %d | %.0f ms | %.1f s | %,.0f | %,d | %,d | %.0f / %.0f ms |

                | time | seen | customers/s in the last 10 s |
                |---:|---:|---:|
                %s
                """, Instant.now(), customers, done.get("pages").asInt(), answeredMs, seconds, customers / seconds,
                enrollments, distinct, progressMs.get(progressMs.size() / 2), progressMs.getLast(),
                String.join("\n", samples));
        Files.writeString(Path.of("target", "campaign-benchmark.md"), report);
        System.out.println(report);

        assertThat(done.get("enrolled").asInt()).isEqualTo(customers);
        assertThat(enrollments).isEqualTo(customers);
        assertThat(distinct).isEqualTo(customers);
    }
}
