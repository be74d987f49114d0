package io.clientele.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class RateLimitHeadersTest {

    @ParameterizedTest(name = "{0} a second, {1} a request: retry after {2} s")
    @CsvSource({"1, 1, 1", "50, 1, 1", "1, 3, 3", "2, 5, 3", "x, 1, 1", ", , 1"})
    void retryAfterIsTheWholeSecondsUntilARequestsTokensAreBack(String rate, String requested, long seconds) {
        HttpHeaders headers = new HttpHeaders();
        if (rate != null) {
            headers.set("X-RateLimit-Replenish-Rate", rate);
        }
        if (requested != null) {
            headers.set("X-RateLimit-Requested-Tokens", requested);
        }

        assertThat(RateLimitHeaders.secondsUntilNextToken(headers)).isEqualTo(seconds);
    }
}
