package io.clientele.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.conventions.ServiceConventions;
import io.clientele.testkit.spring.UseKafka;
import io.clientele.testkit.spring.UsePostgres;
import io.clientele.testkit.spring.UseTestTokens;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** scenario-service starts on its own database, with the platform's tables, and keeps the service conventions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePostgres
@UseKafka
@UseTestTokens
class ScenarioServiceIT implements ServiceConventions {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thePlatformOutboxAndInboxAreMigratedOnStart() {
        assertThat(tableNamed("platform.outbox_event")).isEqualTo("platform.outbox_event");
        assertThat(tableNamed("platform.inbox_event")).isEqualTo("platform.inbox_event");
    }

    /** The table's qualified name, or null when it does not exist. */
    private String tableNamed(String qualifiedName) {
        return jdbc.queryForObject("SELECT to_regclass(?)::text", String.class, qualifiedName);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String serviceName() {
        return "scenario-service";
    }

    @Override
    public String securedPath() {
        return "/api/v1/scenarios";
    }

    @Override
    public Set<String> readinessComponents() {
        return Set.of("readinessState", "db");
    }

    @Override
    public HealthEndpoint healthEndpoint() {
        return health;
    }
}
