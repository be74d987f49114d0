package io.clientele.scenario.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.scenario.ScenarioWorld;
import io.clientele.scenario.ServiceIT;
import io.clientele.scenario.TestClock;
import io.clientele.testkit.http.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scenario lists (the workspace's scenarios, a customer's running ones) sort by name in the language the user
 * asks in: Czech puts Č after C and Ch after H; the root order (English) puts Č with C and Ch among the Cs; never
 * the bytewise order, which would put Č after every Latin letter.
 */
@ServiceIT
class NameOrderIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of("Injekce", "Čištění", "Hodnocení", "Chůze", "Cena");

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
    void theScenariosAndACustomersRunningScenariosSortByNameInTheLanguageAskedIn() {
        UUID customer = world.customer(false);
        for (String name : NAMES) {
            UUID scenario = world.scenario("""
                    {"name": "%s", "trigger": "MANUAL", "steps": [
                      {"id": "wait", "type": "WAIT", "duration": "P30D"},
                      {"id": "hello", "type": "SEND", "message": {"templateKey": "hello", "channel": "EMAIL",
                       "category": "MARKETING"}}]}""".formatted(name));
            world.start(customer, scenario);
        }

        assertThat(names(world.staff, "/api/v1/scenarios", "cs", "name"))
                .containsExactly("Cena", "Čištění", "Hodnocení", "Chůze", "Injekce");
        assertThat(names(world.staff, "/api/v1/customers/" + customer + "/enrollments", "cs-CZ", "scenarioName"))
                .containsExactly("Cena", "Čištění", "Hodnocení", "Chůze", "Injekce");
        assertThat(names(world.staff, "/api/v1/scenarios", "en", "name"))
                .containsExactly("Cena", "Chůze", "Čištění", "Hodnocení", "Injekce");
        assertThat(names(world.staff, "/api/v1/customers/" + customer + "/enrollments", "en", "scenarioName"))
                .containsExactly("Cena", "Chůze", "Čištění", "Hodnocení", "Injekce");
    }

    private static List<String> names(Api api, String path, String language, String field) {
        String body = api.with(HttpMethod.GET, path).header("Accept-Language", language).exchange().expectStatus()
                .isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> names = new ArrayList<>();
        for (JsonNode item : JSON.readTree(body)) {
            names.add(item.get(field).asString());
        }
        return names;
    }
}
