package io.clientele.customer;

import io.clientele.testkit.conventions.PostgresServiceConventions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** customer-service keeps the conventions every service keeps: health, readiness, 401s, docs, metrics. */
@CustomerServiceIT
class ServiceConventionsIT implements PostgresServiceConventions {

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
        return "customer-service";
    }

    @Override
    public String securedPath() {
        return "/api/v1/customers";
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
