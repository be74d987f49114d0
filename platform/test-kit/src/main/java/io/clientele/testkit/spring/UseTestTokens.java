package io.clientele.testkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The service under test trusts tokens from {@link io.clientele.testkit.tokens.TestTokens}
 * ({@code clientele.security.jwt.hmac-secret} is set to its secret).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface UseTestTokens {
}
