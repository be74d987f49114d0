package io.clientele.customer;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.tokens.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, item 9: a write whose Accept it cannot answer in (XML) is 406 before anything is written. It
 * used to commit and then fail to write its answer, so the client was told "failed" about a change that
 * had happened.
 */
@CustomerServiceIT
class NotAcceptableWritesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyWriteAskedToAnswerInXmlIs406AndWritesNothing() {
        UUID workspace = UUID.randomUUID();
        Api api = Api.withToken(port, TestTokens.mint(workspace, "owner-and-staff", "OWNER", "STAFF"));
        Map<String, Object> existing = aCustomer();
        UUID customer = api.create(existing);

        refused(api, HttpMethod.POST, "/api/v1/customers", aCustomer());
        refused(api, HttpMethod.PUT, "/api/v1/customers/{id}", with(existing, "lastName", "Changed"), customer);
        refused(api, HttpMethod.POST, "/api/v1/customers/{id}/notes", Map.of("text", "never written"), customer);
        refused(api, HttpMethod.POST, "/api/v1/groups", Map.of("name", "VIP"));
        refused(api, HttpMethod.PUT, "/api/v1/customer-settings", Map.of("regularThreshold", 7, "defaultCountry", "SK"));
        refused(api, HttpMethod.POST, "/api/v1/imports", Map.of("rows", List.of(Map.of("firstName", "Petr",
                "lastName", "Novák", "email", "petr-" + UUID.randomUUID() + "@example.cz"))));

        assertThat(count("customer", workspace)).isOne();
        assertThat(jdbc.queryForObject("SELECT last_name FROM customer WHERE id = ?", String.class, customer))
                .isEqualTo(existing.get("lastName"));
        assertThat(count("customer_note", workspace)).isZero();
        assertThat(count("customer_group", workspace)).isZero();
        assertThat(count("workspace_settings", workspace)).isZero();
        assertThat(count("customer_import", workspace)).isZero();
    }

    @Test
    void aWriteThatMayAnswerInJsonIsDone() {
        UUID workspace = UUID.randomUUID();
        Api.staff(port, workspace).with(HttpMethod.POST, "/api/v1/groups")
                .header("Accept", "application/xml;q=0.9, application/json;q=0.1")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "VIP")).exchange()
                .expectStatus().isCreated();
        assertThat(count("customer_group", workspace)).isOne();
    }

    private static void refused(Api api, HttpMethod method, String uri, Object body, Object... variables) {
        api.with(method, uri, variables).accept(MediaType.APPLICATION_XML).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-acceptable");
    }

    private long count(String table, UUID workspace) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE workspace_id = ?", Long.class, workspace);
    }
}
