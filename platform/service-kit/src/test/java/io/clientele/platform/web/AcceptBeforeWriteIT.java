package io.clientele.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.testkit.tokens.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Issue 13, item 9: an Accept the operation cannot answer in is refused before the write, not after it. */
@KitIntegrationTest
class AcceptBeforeWriteIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    RestTestClient client;
    String token = TestTokens.staff(UUID.randomUUID());

    @BeforeEach
    void connect() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void aWriteAskedToAnswerInXmlIs406AndWritesNothing() {
        String label = "xml-" + UUID.randomUUID();

        client.post().uri("/demo/state?label={label}", label).header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_XML)
                .exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-acceptable");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM demo_state WHERE label = ?", Long.class, label)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform.outbox_event WHERE payload LIKE ?", Long.class,
                "%" + label + "%")).isZero();
    }

    @Test
    void anUnreadableAcceptIs406AndWritesNothing() {
        String label = "garbled-" + UUID.randomUUID();

        client.post().uri("/demo/state?label={label}", label).header("Authorization", "Bearer " + token)
                .header("Accept", "not a media type")
                .exchange()
                .expectStatus().isEqualTo(406);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM demo_state WHERE label = ?", Long.class, label)).isZero();
    }

    @Test
    void aWriteThatMayAnswerInJsonIsDone() {
        String label = "json-" + UUID.randomUUID();

        client.post().uri("/demo/state?label={label}", label).header("Authorization", "Bearer " + token)
                .header("Accept", "application/xml;q=0.9, application/json;q=0.5")
                .exchange()
                .expectStatus().isOk();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM demo_state WHERE label = ?", Long.class, label)).isOne();
    }
}
