package io.clientele.local;

import io.clientele.testkit.tokens.HmacTokenMinter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Prints a development bearer token (HS256, claims {@code sub}, {@code workspace_id}, {@code roles}) signed
 * with the secret the locally run services trust, taken from {@value #SECRET_VARIABLE} as the services
 * take it. Only the token goes to standard output, so scripts can capture it.
 */
public final class DevToken {

    static final String SECRET_VARIABLE = "CLIENTELE_SECURITY_JWT_HMAC_SECRET";
    /** The workspace the README's examples use. */
    static final UUID DEMO_WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-000000000001");
    static final String DEFAULT_SUBJECT = "developer";
    static final String DEFAULT_ROLES = "OWNER,STAFF";
    static final String DEFAULT_VALIDITY = "12h";
    /** The services' default clientele.security.jwt.max-lifetime. */
    static final Duration SERVICES_MAX_LIFETIME = Duration.ofHours(24);

    private DevToken() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(mint(System.getenv(SECRET_VARIABLE), args));
        } catch (IllegalArgumentException wrong) {
            System.err.println("token: " + wrong.getMessage());
            System.exit(2);
        }
    }

    static String mint(String secret, String[] args) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("set " + SECRET_VARIABLE
                    + " to the secret the services trust (deploy/local/token.sh reads deploy/local/.state/jwt-secret)");
        }
        CommandLine options = CommandLine.parse(args, Set.of("workspace", "subject", "roles", "validity"));
        UUID workspace = workspace(options.get("workspace", DEMO_WORKSPACE.toString()));
        String subject = options.get("subject", DEFAULT_SUBJECT);
        String[] roles = Arrays.stream(options.get("roles", DEFAULT_ROLES).split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .map(role -> role.toUpperCase(Locale.ROOT))
                .toArray(String[]::new);
        if (roles.length == 0) {
            throw new IllegalArgumentException("--roles needs at least one role, e.g. OWNER,STAFF");
        }
        Duration validity = validity(options.get("validity", DEFAULT_VALIDITY));
        if (validity.compareTo(SERVICES_MAX_LIFETIME) > 0) {
            // The services would refuse it (401): say so now rather than hand out a token that never works.
            throw new IllegalArgumentException("--validity must be at most " + SERVICES_MAX_LIFETIME.toHours()
                    + "h, the longest the services accept (clientele.security.jwt.max-lifetime), not " + validity);
        }
        return new HmacTokenMinter(secret).mint(workspace, subject, validity, roles);
    }

    private static UUID workspace(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notUuid) {
            throw new IllegalArgumentException("--workspace must be a UUID, not " + text);
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 such as {@code PT12H}. */
    static Duration validity(String text) {
        try {
            Duration validity;
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                validity = Duration.parse(text);
            } else {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                validity = switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new IllegalArgumentException();
                };
            }
            if (validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException();
            }
            return validity;
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException wrong) {
            throw new IllegalArgumentException("--validity must be a positive duration such as 30m, 12h, 1d or PT12H, not "
                    + text);
        }
    }
}
