package io.clientele.orderlink.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * O-3: a link's token is 256 bits from {@link SecureRandom}, written base64url (43 characters), shown
 * once; only its SHA-256 is stored. A token has no structure worth guessing (no workspace, no id, no
 * time), and the hash of a stolen table opens nothing: finding a token for a hash means breaking SHA-256.
 */
final class LinkTokens {

    static final int BYTES = 32;
    /** What a token looks like; anything else is not even looked up (and answers the same 404). */
    static final String PATTERN = "[A-Za-z0-9_-]{43}";

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    static String next() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
