package io.clientele.communication;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.http.Api;
import io.clientele.testkit.tokens.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Issue 13, item 9: a write whose Accept it cannot answer in (XML) is 406 before anything is written. */
@CommunicationIT
class NotAcceptableWritesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;

    @Test
    void everyWriteAskedToAnswerInXmlIs406AndWritesNothing() {
        UUID workspace = UUID.randomUUID();
        Api api = Api.withToken(port, TestTokens.mint(workspace, "owner-and-staff", "OWNER", "STAFF"));
        CustomerEvents.Customer jana = aCustomer();
        try (CustomerEvents customers = new CustomerEvents(bootstrap, workspace)) {
            customers.created(jana, true, "STAFF");
            CustomerEvents.awaitKnown(api, jana.id());
        }

        refused(api, HttpMethod.POST, "/api/v1/templates", Map.of("key", "reminder", "channel", "EMAIL",
                "language", "cs", "name", "Reminder", "subject", "Reminder", "text", "Hello"));
        refused(api, HttpMethod.PUT, "/api/v1/communication-settings", Map.of("timeZone", "Europe/Bratislava"));
        refused(api, HttpMethod.POST, "/api/v1/messages", Map.of("customerId", jana.id(), "channel", "EMAIL",
                "category", "TRANSACTIONAL", "content", Map.of("subject", "Hi", "text", "Hello")));

        Query inWorkspace = new Query(Criteria.where("workspaceId").is(workspace.toString()));
        assertThat(mongo.count(inWorkspace, "templates")).isZero();
        assertThat(mongo.count(inWorkspace, "messages")).isZero();
        assertThat(mongo.exists(new Query(Criteria.where("_id").is(workspace.toString())), "workspace_settings")).isFalse();
    }

    private static void refused(Api api, HttpMethod method, String uri, Object body) {
        api.with(method, uri).accept(MediaType.APPLICATION_XML).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-acceptable");
    }
}
