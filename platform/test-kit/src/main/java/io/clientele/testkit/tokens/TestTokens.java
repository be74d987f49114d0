package io.clientele.testkit.tokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for integration tests, signed with a secret made up once per test JVM; tests annotated
 * with {@code @UseTestTokens} get a service configured to trust it.
 */
public final class TestTokens {

    private static final String SECRET = newSecret();
    private static final HmacTokenMinter MINTER = new HmacTokenMinter(SECRET);

    private TestTokens() {
    }

    public static String secret() {
        return SECRET;
    }

    public static String owner(UUID workspace) {
        return mint(workspace, "owner-" + workspace, "OWNER");
    }

    public static String staff(UUID workspace) {
        return mint(workspace, "staff-" + workspace, "STAFF");
    }

    public static String partner(UUID workspace) {
        return mint(workspace, "partner-" + workspace, "PARTNER");
    }

    public static String mint(UUID workspace, String subject, String... roles) {
        return MINTER.mint(workspace, subject, Duration.ofHours(1), roles);
    }

    public static String signed(Map<String, Object> claims) {
        return MINTER.sign(claims);
    }

    /** A random secret of 32 bytes written as 64 hex characters. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
