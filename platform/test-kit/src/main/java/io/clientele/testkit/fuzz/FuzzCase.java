package io.clientele.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request: what it tries, and the request exactly as sent.
 *
 * @param target the request target as on the wire (path and query, percent-encoded or deliberately not)
 */
public record FuzzCase(ApiOperation operation, String tries, String method, String target, Map<String, String> headers,
        byte[] body) {

    /** The request as a person can read and replay it (long parts shortened, control characters escaped). */
    public String describe() {
        StringBuilder text = new StringBuilder(tries).append(": ").append(method).append(' ').append(shown(target, 300));
        headers.forEach((name, value) -> text.append(" | ").append(name).append(": ").append(shown(value, 120)));
        if (body != null) {
            text.append(" | body (").append(body.length).append(" bytes): ")
                    .append(shown(new String(body, StandardCharsets.UTF_8), 300));
        }
        return text.toString();
    }

    private static String shown(String text, int limit) {
        String cut = text.length() > limit ? text.substring(0, limit) + "...(" + text.length() + " chars)" : text;
        StringBuilder escaped = new StringBuilder();
        cut.chars().forEach(c -> escaped.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }
}
