package io.clientele.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.clientele.platform.problem.ProblemWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service is an OAuth2 resource server: it verifies the bearer token itself (the gateway
 * verifies it too, but a service never trusts the network), takes the workspace and roles from its
 * claims, and answers 401/403 as problem documents.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({TokenProperties.class, PublicEndpoints.class})
@EnableMethodSecurity
public class WorkspaceSecurityAutoConfiguration {

    static final int MIN_HMAC_SECRET_BYTES = 32;

    @Bean
    WorkspaceClaims workspaceClaims(TokenProperties properties) {
        return new WorkspaceClaims(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(TokenProperties properties, WorkspaceClaims workspaceClaims) {
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        } else if (properties.hmacSecret() != null && !properties.hmacSecret().isBlank()) {
            byte[] secret = properties.hmacSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_HMAC_SECRET_BYTES) {
                throw new BeanCreationException("clientele.security.jwt.hmac-secret must be at least "
                        + MIN_HMAC_SECRET_BYTES + " bytes long for HS256");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        } else {
            throw new BeanCreationException("No token verification key is configured: set "
                    + "clientele.security.jwt.jwk-set-uri (CLIENTELE_SECURITY_JWT_JWK_SET_URI) in production, or "
                    + "clientele.security.jwt.hmac-secret (CLIENTELE_SECURITY_JWT_HMAC_SECRET) for local runs");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(properties.issuer() == null || properties.issuer().isBlank()
                ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(properties.issuer()));
        if (properties.audience() != null && !properties.audience().isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    audiences -> audiences != null && audiences.contains(properties.audience())));
        }
        validators.add(new TokenLifetime(properties.maxLifetime(), Clock.systemUTC()));
        validators.add(workspaceClaims);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        if (properties.verifiedCache() <= 0 || properties.verifiedFor().isZero()) {
            return decoder;
        }
        return new VerifiedTokens(decoder, properties.verifiedCache(), properties.verifiedFor(), Clock.systemUTC(),
                Ticker.systemTicker());
    }

    /**
     * With Spring Security's observations switched off (the service kit's default,
     * {@code management.observations.enable.spring.security=false}) the filter chain is not even
     * decorated for them. The property alone only makes each observation a no-op: every request still
     * wrapped each of the chain's filters in an observing wrapper of its own (measured: the most
     * frequent frames outside the application in a profile of the customer list).
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain workspaceSecurityFilterChain(HttpSecurity http, PublicEndpoints publicEndpoints,
            WorkspaceClaims claims, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(publicEndpoints.all()).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token,
                                claims.rolesOf(token).stream()
                                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                                        .toList(),
                                token.getSubject())))
                        .authenticationEntryPoint(unauthorized(problems, true))
                        .accessDeniedHandler((request, response, denied) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Your role does not allow this operation")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized(problems, false))
                        .accessDeniedHandler((request, response, denied) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Your role does not allow this operation")));
        return http.build();
    }

    /** Every 401 is a problem document and carries the challenge RFC 6750 asks for ({@link BearerChallenge}). */
    private static AuthenticationEntryPoint unauthorized(ProblemWriter problems, boolean explain) {
        return (request, response, failure) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.of(failure));
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    explain ? "A valid bearer token is required: " + failure.getMessage()
                            : "A valid bearer token is required");
        };
    }

    @Bean
    WebMvcConfigurer actorArgumentResolverConfigurer(WorkspaceClaims claims) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ActorArgumentResolver(claims));
            }
        };
    }
}
