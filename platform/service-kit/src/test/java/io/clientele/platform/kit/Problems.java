package io.clientele.platform.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.fuzz.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a raw answer as the problem document it must be. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The answer's problem document, after checking it is one with this status. */
    public static JsonNode problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response.text())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString("")).startsWith("https://clientele.io/problems/");
        assertThat(problem.path("title").isString()).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
