package io.clientele.platform.input;

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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 13, items 5 to 8: input the framework or the container cannot read is a 400/415 problem, never a 500 or HTML. */
@KitIntegrationTest
class MalformedInputIT {

    static final String UPLOAD = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
            + "Content-Type: text/csv\r\n\r\nname\nJana\n\r\n--b--\r\n";

    @LocalServerPort
    int port;

    final String token = TestTokens.staff(UUID.randomUUID());

    @ParameterizedTest(name = "{0}")
    @CsvSource({"q=%FF%FE, q, encoding", "q=nov%00ak, q, character", "q=%G1, q, encoding", "q=50%, q, encoding",
            "colour=RED&x%FF=1, x?FF, encoding"})
    void aQueryParameterThatIsNotUtf8OrHoldsANulIsA400NamingIt(String query, String field, String code) {
        JsonNode problem = problem(get("/demo/colours?" + query), 400);

        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo(field);
        assertThat(problem.at("/errors/0/code").asString("")).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"colour=%2C%2C%2C, colour", "colour=, colour", "colour=RED%2C%2CGREEN, colour", "colour=%20%09, colour",
            "colour=%20, colour", "colour=RED&colour=, colour", "favourite=, favourite"})
    void anEnumParameterWithAnEmptyValueIsA400NamingIt(String query, String field) {
        JsonNode problem = problem(get("/demo/colours?" + query), 400);

        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo(field);
        assertThat(problem.at("/errors/0/code").asString("")).isEqualTo("empty");
    }

    @Test
    void enumListsOfKnownValuesStillBindAndAnUnknownOneListsTheAllowed() {
        assertThat(get("/demo/colours?colour=RED%2CGREEN").text()).contains("\"colours\":[\"GREEN\",\"RED\"]");
        assertThat(get("/demo/colours?colour=RED&colour=GREEN").text()).contains("\"colours\":[\"GREEN\",\"RED\"]");
        assertThat(get("/demo/colours").text()).contains("\"colours\":[]");

        JsonNode problem = problem(get("/demo/colours?colour=PURPLE"), 400);
        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo("colour");
        assertThat(problem.at("/errors/0/message").asString("")).contains("[RED, GREEN]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*/*", "application/*", "garbage"})
    void aContentTypeThatNamesNoMediaTypeIs415(String type) {
        problem(post("/demo/things", type, "{\"name\": \"ok\", \"colour\": \"RED\"}"), 415);
    }

    @Test
    void aMultipartContentTypeWithoutItsBoundaryIs400EvenOnAJsonOperation() {
        problem(post("/demo/things", "multipart/form-data", "{\"name\": \"ok\", \"colour\": \"RED\"}"), 400);
        problem(post("/demo/uploads", "multipart/form-data", UPLOAD.formatted("a.csv")), 400);
    }

    @Test
    void aMultipartBodyCutShortOrWithANulInTheFileNameIs400() {
        String whole = UPLOAD.formatted("a.csv");
        problem(post("/demo/uploads", "multipart/form-data; boundary=b", whole.substring(0, whole.length() / 2)), 400);
        problem(post("/demo/uploads", "multipart/form-data; boundary=b", UPLOAD.formatted("a\u0000b.csv")), 400);
        JsonNode problem = problem(post("/demo/uploads", "multipart/form-data; boundary=b",
                UPLOAD.formatted("a\u0007b.csv")), 400);
        assertThat(problem.path("detail").asString("")).contains("file name");

        RawHttp.Response fine = post("/demo/uploads", "multipart/form-data; boundary=b", whole);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.text()).contains("\"fileName\":\"a.csv\"");
    }

    @Test
    void aFormBodyThatIsNotUtf8OrHoldsANulIs400() {
        problem(post("/demo/forms", "application/x-www-form-urlencoded", "word=%FF%FE"), 400);
        JsonNode problem = problem(post("/demo/forms", "application/x-www-form-urlencoded", "word=a%00b"), 400);
        assertThat(problem.at("/errors/0/field").asString("")).isEqualTo("word");
        assertThat(post("/demo/forms", "application/x-www-form-urlencoded", "word=ok").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/demo/a%00b", "/demo/%FF%FE", "/demo/a%2Fb", "/demo/a%G1", "/demo/a%5Cb"})
    void aPathTomcatRefusesIsAProblemDocumentNotAnHtmlPage(String path) {
        problem(get(path), 400);
    }

    @Test
    void aRequestLineOrHeadersTooLongAreAProblemDocument() {
        RawHttp.Response longLine = get("/demo/colours?q=" + "x".repeat(20_000));
        problem(longLine, longLine.status());
        assertThat(longLine.status()).isIn(400, 414);

        RawHttp.Response longHeader = RawHttp.send(port, "GET", "/demo/colours",
                Map.of("Authorization", "Bearer " + token, "X-Long", "y".repeat(20_000)), null);
        problem(longHeader, longHeader.status());
        assertThat(longHeader.status()).isIn(400, 431);
    }

    private RawHttp.Response get(String target) {
        return RawHttp.send(port, "GET", target, Map.of("Authorization", "Bearer " + token), null);
    }

    private RawHttp.Response post(String target, String contentType, String body) {
        return RawHttp.send(port, "POST", target, Map.of("Authorization", "Bearer " + token,
                "Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }
}
