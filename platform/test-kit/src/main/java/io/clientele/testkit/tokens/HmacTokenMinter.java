package io.clientele.testkit.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs HS256 tokens the way the services expect them: {@code sub}, {@code workspace_id} and
 * {@code roles} claims. For tests and local development only; production tokens come from an identity
 * provider and are verified against its JWK set.
 */
public final class HmacTokenMinter {

    public static final String ISSUER = "clientele-dev";
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);

    private final MACSigner signer;

    public HmacTokenMinter(String secret) {
        try {
            this.signer = new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException tooShort) {
            throw new IllegalArgumentException("An HS256 secret needs at least 32 bytes", tooShort);
        }
    }

    public String mint(UUID workspace, String subject, Duration validity, String... roles) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .claim("workspace_id", workspace.toString())
                .claim("roles", List.of(roles))
                .build());
    }

    /**
     * Signs arbitrary claims: for tests of tokens that lack or misstate what the services require. The
     * services refuse a token without {@code exp}, so one is always set: an hour from now unless the
     * claims give their own ({@code iat} likewise, now unless given).
     */
    public String sign(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        Instant now = Instant.now();
        if (!claims.containsKey("iat")) {
            builder.issueTime(Date.from(now));
        }
        if (!claims.containsKey("exp")) {
            builder.expirationTime(Date.from(now.plus(DEFAULT_VALIDITY)));
        }
        claims.forEach(builder::claim);
        return sign(builder.build());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException failure) {
            throw new IllegalStateException("Could not sign a token", failure);
        }
        return jwt.serialize();
    }
}
