package io.clientele.communication;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.clientele.testkit.conventions.ServiceConventions;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** communication-service starts on MongoDB, with MongoDB in readiness, and keeps the service conventions. */
@CommunicationIT
class CommunicationServiceIT implements ServiceConventions {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpoint health;

    @Autowired
    MongoTemplate mongoTemplate;

    @Autowired
    MongoClient mongoClient;

    @Test
    void documentsAreStoredInTheCommunicationDatabase() {
        String probe = UUID.randomUUID().toString();

        mongoTemplate.insert(new Document("probe", probe), "startup_probe");

        var stored = mongoClient.getDatabase("communication").getCollection("startup_probe");
        try {
            assertThat(stored.find(Filters.eq("probe", probe)).first()).isNotNull();
        } finally {
            stored.drop();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String serviceName() {
        return "communication-service";
    }

    @Override
    public String securedPath() {
        return "/api/v1/templates";
    }

    @Override
    public Set<String> readinessComponents() {
        return Set.of("readinessState", "mongo");
    }

    @Override
    public HealthEndpoint healthEndpoint() {
        return health;
    }
}
