package io.clientele.scenario;

import io.clientele.testkit.fuzz.ApiFuzz;
import io.clientele.testkit.tokens.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: every operation of scenario-service's OpenAPI document, swept with generated bad input (wrong types,
 * numbers out of range, huge strings, invalid UTF-8 and NUL in parameters and paths, bad content types,
 * garbage bodies, bad enums and dates) and a token of every role: no answer is a 5xx, every error is a
 * problem document. Another seed: -Dclientele.fuzz.seed=...; more cases: -Dclientele.fuzz.cases=...
 */
@ServiceIT
class ApiFuzzIT {

    @LocalServerPort
    int port;

    @Test
    void noGeneratedRequestMakesTheServiceFailOrAnswerAnErrorThatIsNotAProblemDocument() {
        ApiFuzz fuzz = ApiFuzz.of("scenario-service", port)
                .bearer(TestTokens.mint(UUID.randomUUID(), "fuzz", "OWNER", "STAFF", "PARTNER"));

        fuzz.sweep(fuzz.operationsOf("/v3/api-docs"));
    }
}
