package io.clientele.gateway.security;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayTokenProperties.class)
class GatewaySecurityConfiguration {

    static final int MIN_HMAC_SECRET_BYTES = 32;

    @Bean
    BearerTokenCheck bearerTokenCheck(GatewayTokenProperties properties, JsonMapper json) {
        ReactiveJwtDecoder decoder = decoder(properties);
        if (properties.verifiedCache() > 0 && !properties.verifiedFor().isZero()) {
            decoder = new VerifiedTokenCache(decoder, properties.verifiedCache(), properties.verifiedFor(),
                    Clock.systemUTC(), Ticker.systemTicker());
        }
        return new BearerTokenCheck(decoder, json);
    }

    /** The same key sources and rules as the services' (service-kit's WorkspaceSecurityAutoConfiguration). */
    static ReactiveJwtDecoder decoder(GatewayTokenProperties properties) {
        NimbusReactiveJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().toString().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        } else if (properties.hmacSecret() != null && !properties.hmacSecret().isBlank()) {
            byte[] secret = properties.hmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_HMAC_SECRET_BYTES) {
                throw new BeanCreationException("clientele.security.jwt.hmac-secret must be at least "
                        + MIN_HMAC_SECRET_BYTES + " bytes long for HS256");
            }
            decoder = NimbusReactiveJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            throw new BeanCreationException("No token verification key is configured for the gateway: set "
                    + "clientele.security.jwt.jwk-set-uri (CLIENTELE_SECURITY_JWT_JWK_SET_URI) in production, or "
                    + "clientele.security.jwt.hmac-secret (CLIENTELE_SECURITY_JWT_HMAC_SECRET) for local runs, "
                    + "as for the services");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(properties.issuer() == null || properties.issuer().isBlank()
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(properties.issuer()));
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    audiences -> audiences != null && audiences.contains(properties.audience())));
        }
        validators.add(new TokenLifetime(properties.maxLifetime(), Clock.systemUTC()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
