package io.clientele.communication.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's MongoDB health check (the bean name makes Boot back off; the contributor is still
 * called {@code mongo}). Boot's check sends {@code hello}, which mongo-java-server, the stand-in on
 * machines without MongoDB, does not know, so the service would never be ready there. {@code ping} is
 * answered by both, as the architecture asks of everything this service sends to MongoDB, and it goes
 * to the service's own database rather than listing every database on the server.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand("{ ping: 1 }");
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
