package io.clientele.communication.unsubscribe;

import io.clientele.communication.CustomerRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.stereotype.Component;

/**
 * Personal one-click unsubscribe links (M-7): {@code <base>/u/<token>}, the token naming the workspace,
 * the customer and the message, signed with HMAC-SHA256 for the purpose "unsubscribe". Nobody can make
 * one for another customer, and a changed character makes it invalid. Links do not expire: a recipient
 * may use an old e-mail's link years later.
 */
@Component
public class UnsubscribeLinks {

    static final int MIN_SECRET_BYTES = 32;
    private static final String VERSION = "u1";
    private static final byte[] PURPOSE = "clientele:unsubscribe:".getBytes(StandardCharsets.UTF_8);
    private static final int MAC_BYTES = 16;

    private final List<SecretKeySpec> keys;
    private final String base;

    UnsubscribeLinks(UnsubscribeProperties properties) {
        List<SecretKeySpec> all = new ArrayList<>();
        if (properties.secret() == null || properties.secret().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new BeanCreationException("clientele.communication.unsubscribe.secret "
                    + "(CLIENTELE_COMMUNICATION_UNSUBSCRIBE_SECRET) must be set to at least " + MIN_SECRET_BYTES
                    + " bytes: it signs the unsubscribe links in e-mails");
        }
        all.add(key(properties.secret()));
        properties.previousSecrets().stream().filter(s -> !s.isBlank()).map(UnsubscribeLinks::key).forEach(all::add);
        this.keys = List.copyOf(all);
        String url = properties.publicBaseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whom and which message a verified link is about. */
    public record Subject(CustomerRef customer, UUID messageId) {
    }

    public String linkFor(CustomerRef customer, UUID messageId) {
        return base + "/u/" + tokenFor(customer, messageId);
    }

    String tokenFor(CustomerRef customer, UUID messageId) {
        ByteBuffer payload = ByteBuffer.allocate(48);
        put(payload, customer.workspaceId());
        put(payload, customer.customerId());
        put(payload, messageId);
        String body = VERSION + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(keys.getFirst(), body));
    }

    /** @return empty for a token this service did not sign (altered, foreign or garbage) */
    Optional<Subject> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1];
        // Compared as text: base64 has spare bits, and a token must be exactly the one that was issued.
        byte[] given = parts[2].getBytes(StandardCharsets.US_ASCII);
        boolean signed = keys.stream().anyMatch(key -> MessageDigest.isEqual(given,
                Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, body)).getBytes(StandardCharsets.US_ASCII)));
        if (!signed || payload.length != 48
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(payload).equals(parts[1])) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID workspace = new UUID(buffer.getLong(), buffer.getLong());
        UUID customer = new UUID(buffer.getLong(), buffer.getLong());
        UUID message = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Subject(new CustomerRef(workspace, customer), message));
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static byte[] mac(SecretKeySpec key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(PURPOSE);
            return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is unavailable", impossible);
        }
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
