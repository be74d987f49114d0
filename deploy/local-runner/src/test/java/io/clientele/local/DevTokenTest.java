package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevTokenTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void tokenCarriesTheRequestedWorkspaceSubjectRolesAndValidity() throws Exception {
        String token = DevToken.mint(SECRET, new String[] {
                "--workspace", "11111111-2222-4333-8444-555555555555",
                "--subject", "alice", "--roles", "staff, partner", "--validity", "90m"});

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("workspace_id")).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(claims.getStringListClaim("roles")).containsExactly("STAFF", "PARTNER");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void withoutOptionsTheTokenIsTheDemoOwnerAndStaffForTwelveHours() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(DevToken.mint(SECRET, new String[0])).getJWTClaimsSet();

        assertThat(claims.getStringClaim("workspace_id")).isEqualTo("5e1f0000-0000-4000-8000-000000000001");
        assertThat(claims.getStringListClaim("roles")).containsExactly("OWNER", "STAFF");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
    }

    @Test
    void tokenDoesNotVerifyWithAnotherSecret() throws Exception {
        SignedJWT jwt = SignedJWT.parse(DevToken.mint(SECRET, new String[0]));

        assertThat(jwt.verify(new MACVerifier("another-secret-another-secret-another-secret"))).isFalse();
    }

    @Test
    void missingSecretIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> DevToken.mint(null, new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLIENTELE_SECURITY_JWT_HMAC_SECRET");
    }

    @Test
    void secretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> DevToken.mint("too-short", new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aValidityLongerThanTheServicesAcceptIsRefused() {
        assertThatThrownBy(() -> DevToken.mint(SECRET, new String[] {"--validity", "7d"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 24h");
        assertThat(DevToken.mint(SECRET, new String[] {"--validity", "24h"})).isNotBlank();
    }

    @Test
    void unknownOptionsAndBadValuesAreRefused() {
        assertThatThrownBy(() -> DevToken.mint(SECRET, new String[] {"--role", "OWNER"}))
                .hasMessageContaining("Unknown option --role");
        assertThatThrownBy(() -> DevToken.mint(SECRET, new String[] {"--workspace", "demo"}))
                .hasMessageContaining("--workspace must be a UUID");
        assertThatThrownBy(() -> DevToken.mint(SECRET, new String[] {"--roles", " , "}))
                .hasMessageContaining("at least one role");
    }

    @Test
    void validityReadsShortFormsAndIsoDurations() {
        assertThat(DevToken.validity("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DevToken.validity("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DevToken.validity("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DevToken.validity("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> DevToken.validity("0h")).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> DevToken.validity("12x")).hasMessageContaining("positive duration");
        assertThatThrownBy(() -> DevToken.validity("h")).hasMessageContaining("positive duration");
    }
}
