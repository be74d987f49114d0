package io.clientele.scenario;

import io.clientele.testkit.conventions.PostgresServiceConventions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** scenario-service starts on its own database, with the platform's tables, and keeps the service conventions. */
@ServiceIT
class ScenarioServiceIT implements PostgresServiceConventions {

    @LocalServerPort
    int port;
    @Autowired
    HealthEndpoint health;
    @Autowired
    JdbcTemplate jdbc;

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
    public HealthEndpoint healthEndpoint() {
        return health;
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
