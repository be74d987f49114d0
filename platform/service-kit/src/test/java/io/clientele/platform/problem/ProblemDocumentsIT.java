package io.clientele.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.testkit.tokens.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@KitIntegrationTest
class ProblemDocumentsIT {

    @LocalServerPort
    int port;

    RestTestClient client;
    String token = TestTokens.staff(UUID.randomUUID());

    @BeforeEach
    void connect() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void everyInvalidFieldIsNamedWithItsReason() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "far too long a name", "email": "not-an-email", "colour": "RED", "discount": 120,
                         "address": {"postalCode": "1234567"}}""")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[*].field").value(List.class, fields -> assertThat(fields).containsExactlyInAnyOrder("name", "email", "discount",
                        "address.postalCode"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"ok\", \"colour\": \"PURPLE\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("colour")
                .jsonPath("$.errors[0].code").isEqualTo("enum")
                .jsonPath("$.errors[0].message").value(String.class, v -> assertThat(v).contains("[RED, GREEN]"));
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanSilentlyDropped() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"ok\", \"colour\": \"RED\", \"emial\": \"a@b.cz\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("emial")
                .jsonPath("$.errors[0].code").isEqualTo("unknown");
    }

    @Test
    void aWrongTypeIsAFieldError() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"ok\", \"colour\": \"RED\", \"discount\": \"lots\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("discount")
                .jsonPath("$.errors[0].code").isEqualTo("type");
    }

    @Test
    void malformedJsonIsA400WithWhereItBroke() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"ok\",, }")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/malformed-request")
                .jsonPath("$.detail").value(String.class, v -> assertThat(v).contains("line 1"));
    }

    @Test
    void aMissingBodyIsA400() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/malformed-request");
    }

    @Test
    void aBadPathOrQueryParameterIsAFieldError() {
        client.get().uri("/demo/things/not-a-uuid").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("id")
                .jsonPath("$.errors[0].message").value(String.class, v -> assertThat(v).contains("UUID"));
        client.get().uri("/demo/things/" + UUID.randomUUID() + "?page=x").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void aMissingResourceIsA404Problem() {
        client.get().uri("/demo/things/" + UUID.randomUUID()).header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found")
                .jsonPath("$.resource").isEqualTo("thing");
    }

    @Test
    void anUnknownPathIsA404Problem() {
        client.get().uri("/no/such/path").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
    }

    @Test
    void aWrongMethodOrMediaTypeIsAProblemNotA500() {
        client.delete().uri("/demo/things").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/method-not-allowed");
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN).body("hello")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unsupported-media-type");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() {
        client.get().uri("/demo/boom").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://clientele.io/problems/internal")
                .jsonPath("$.incident").exists()
                .jsonPath("$.detail").value(String.class, v -> assertThat(v).doesNotContain("secret internals"));
    }

    @Test
    void validInputPasses() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"ok\", \"colour\": \"GREEN\", \"email\": \"a@b.cz\", \"discount\": 10}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("ok");
    }

    @Test
    void healthAndApiDocsArePublic() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("application=\"kit-test\"").contains("clientele_outbox_pending"));
    }

    @Test
    void errorsListedAsArrayNotMap() {
        client.post().uri("/demo/things").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"colour\": \"RED\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].code").value(List.class, codes -> assertThat(codes).contains("NotBlank"));
    }
}
