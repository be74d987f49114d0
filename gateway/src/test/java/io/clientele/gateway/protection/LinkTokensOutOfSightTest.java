package io.clientele.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A public link's token opens a customer's page: the rate limit key and the access log never hold it. */
class LinkTokensOutOfSightTest {

    @ParameterizedTest
    @CsvSource({"/q/abc123, abc123", "/q/abc123/catalog, abc123", "/q/, ''", "/api/v1/customers, ''"})
    void theLinkTokenIsTheFirstSegmentAfterQ(String path, String token) {
        assertThat(RateLimitKeys.linkToken(path)).isEqualTo(token);
    }

    @ParameterizedTest
    @CsvSource({"/q/abc123, /q/***", "/q/abc123/orders/7, /q/***/orders/7", "/u/signed.token, /u/***",
            "/api/v1/customers/7, /api/v1/customers/7", "/api/v1/q/x, /api/v1/q/x"})
    void theAccessLogMasksPublicLinkTokens(String path, String logged) {
        assertThat(RequestLog.masked(path)).isEqualTo(logged);
    }

    @org.junit.jupiter.api.Test
    void aKeyIsAHashThatNeitherHoldsNorEqualsTheToken() {
        String hashed = RateLimitKeys.hashed("ql_secret");

        assertThat(hashed).hasSize(32).doesNotContain("secret").isEqualTo(RateLimitKeys.hashed("ql_secret"));
        assertThat(RateLimitKeys.hashed("ql_secreu")).isNotEqualTo(hashed);
    }
}
