package io.clientele.customer;

import io.clientele.testkit.conventions.ServiceConventions;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;

/** customer-service keeps the conventions every service keeps: health, readiness, 401s, docs, metrics. */
@CustomerServiceIT
class ServiceConventionsIT implements ServiceConventions {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

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
    public Set<String> readinessComponents() {
        return Set.of("readinessState", "db");
    }

    @Override
    public HealthEndpoint healthEndpoint() {
        return health;
    }
}
