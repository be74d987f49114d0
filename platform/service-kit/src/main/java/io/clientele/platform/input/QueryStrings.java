package io.clientele.platform.input;

import io.clientele.platform.problem.FieldViolation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a raw query string the way the servlet container will (form encoding: {@code +} is a space,
 * {@code %XX} a byte, the bytes UTF-8) but strictly, to find the first parameter it could not read:
 * a malformed escape, bytes that are not UTF-8 ({@code ?q=%FF%FE}), or a NUL ({@code %00}), which no
 * API value holds and no PostgreSQL text can store. Tomcat throws on the first two when a parameter is
 * first asked for, wherever that happens; checked here first, they are the client's 400.
 */
public final class QueryStrings {

    private QueryStrings() {
    }

    /** The first parameter of {@code query} (raw, as on the request line) that cannot be read, if any. */
    public static Optional<FieldViolation> firstUnreadable(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            Decoded name = decode(rawName);
            // A name that cannot be read is reported as sent, without the bytes that broke it.
            String field = name.problem() == null ? name.text() : rawName.replaceAll("[^A-Za-z0-9._\\[\\]-]", "?");
            if (name.problem() != null) {
                return Optional.of(new FieldViolation(field, name.code(), "the parameter's name " + name.problem()));
            }
            Decoded value = decode(rawValue);
            if (value.problem() != null) {
                return Optional.of(new FieldViolation(field, value.code(), value.problem()));
            }
        }
        return Optional.empty();
    }

    private record Decoded(String text, String code, String problem) {
    }

    private static Decoded decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return new Decoded(null, "encoding", "has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                // The request line is bytes; the container hands them over one char per byte.
                byte[] own = String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1);
                bytes.write(own, 0, own.length);
            }
        }
        byte[] decoded = bytes.toByteArray();
        for (byte b : decoded) {
            if (b == 0) {
                return new Decoded(null, "character", "contains a NUL character (%00)");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
            return new Decoded(text, null, null);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(null, "encoding", "is not valid UTF-8 once percent-decoded");
        }
    }
}
