package io.clientele.platform.json;

import static io.clientele.platform.kit.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.platform.kit.KitIntegrationTest;
import io.clientele.testkit.fuzz.RawHttp;
import io.clientele.testkit.tokens.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 13, items 10 and 11: JSON is read as written; a wrong type or a NUL is a 400 naming the field. */
@KitIntegrationTest
class StrictJsonIT {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "{\"name\": true, \"colour\": \"RED\"} => name",
            "{\"name\": 5, \"colour\": \"RED\"} => name",
            "{\"name\": 1.5, \"colour\": \"RED\"} => name",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"discount\": 1.5} => discount",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"discount\": \"5\"} => discount",
            "{\"name\": \"ok\", \"colour\": 1} => colour",
            "{\"name\": \"ok\", \"colour\": \"1\"} => colour"})
    void aValueOfAnotherTypeIsRefusedNotCoerced(String body, String field) {
        JsonNode problem = problem(post(body), 400);

        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "{\"name\": \"a\\u0000b\", \"colour\": \"RED\"} => name",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"address\": {\"postalCode\": \"\\u0000\"}} => address.postalCode",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"labels\": {\"vip\": \"x\\u0000\"}} => labels.vip",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"labels\": {\"v\\u0000ip\": \"x\"}} => labels"})
    void aNulInAnyStringOrKeyIsA400NamingTheField(String body, String field) {
        JsonNode problem = problem(post(body), 400);

        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo(field);
        assertThat(problem.at("/errors/0/code").asString("")).isEqualTo("character");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "{\"name\": \"ok\", \"colour\": \"RED\", \"due\": \"+999999999-12-31\"} => due",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"due\": \"-0001-01-01\"} => due",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"at\": \"+999999999-12-31T23:59:59Z\"} => at",
            "{\"name\": \"ok\", \"colour\": \"RED\", \"at\": \"+10000-01-01T00:00:00Z\"} => at"})
    void aDateOutsideTheYears1To9999IsA400NamingTheField(String body, String field) {
        JsonNode problem = problem(post(body), 400);

        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo(field);
    }

    @Test
    void valuesOfTheirOwnTypeStillPass() {
        RawHttp.Response created = post("{\"name\": \"ok\", \"colour\": \"GREEN\", \"discount\": 10,"
                + " \"labels\": {\"vip\": \"yes\"}, \"address\": {\"postalCode\": \"60200\"},"
                + " \"due\": \"9999-12-31\", \"at\": \"0001-01-01T00:00:00Z\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private RawHttp.Response post(String body) {
        return RawHttp.send(port, "POST", "/demo/things", Map.of("Authorization",
                "Bearer " + TestTokens.staff(UUID.randomUUID()), "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
