package io.clientele.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The inputs that broke services before, and their relatives: each one a client can send, none a service
 * may answer with a 5xx or anything but a problem document. Parameter values are raw (as on the request line,
 * so {@code %FF} is the byte, not the text); body tokens are raw JSON text.
 */
final class BadValues {

    /** Long enough to pass any field limit, short enough for any request line the server takes. */
    static final String LONG_PARAMETER = "x".repeat(3_000);
    /** Longer than the request line (8 KB by default) and headers a server takes. */
    static final String OVERLONG_PARAMETER = "y".repeat(20_000);
    static final String HUGE_TEXT = "z".repeat(200_000);

    private static final List<String> ANY = List.of("", "%00", "a%00b", "%FF%FE", "%C0%80", "%G1", "%", "%E2%80%AE",
            "a%0D%0Ab", "%20", "..%2F..%2Fetc", LONG_PARAMETER, "'%3B--", "%F0%9F%98%80");
    private static final List<String> NUMBERS = List.of("x", "1.5", "-1", "0", "2147483648", "-2147483649",
            "99999999999999999999", "1e400", "NaN", "0x10");
    private static final List<String> BOOLEANS = List.of("maybe", "1", "yes", "TRUE ");
    private static final List<String> UUIDS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g",
            "00000000000000000000000000000000");
    private static final List<String> DATE_TIMES = List.of("%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "%2B10000-01-01T00:00:00Z", "2026-13-45T99:99:99Z",
            "0000-01-01T00:00:00Z", "yesterday", "2026-01-01");
    private static final List<String> DATES = List.of("%2B999999999-12-31", "0000-00-00", "2026-02-30", "10000-01-01");
    private static final List<String> PATH = List.of("not-a-uuid", "%FF%FE", "%00", "a%00b", "%2F", "%5C", "..",
            "%2E%2E", "x".repeat(3_000), "-1", "99999999999999999999", "%C0%AE", "a;b=c", "%20", "%25", "%E2%80%AE");

    static final List<String> JSON_TOKENS = List.of("true", "false", "1.5", "-1", "0", "9223372036854775808",
            "1e400", "-1e400", "\"x\"", "\"\"", "\"a\\u0000b\"", "\"" + HUGE_TEXT + "\"", "[]", "{}", "null", "3",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01\"", "\"NOPE\"", "\"\\ud800\"", "[null]",
            "{\"a\":1}", "\"  \"", "\"a\\r\\nBcc: x@example.cz\"", "{\"a\\u0000\":\"b\"}");

    static final List<String> WHOLE_BODIES = List.of("", "garbage", "[]", "null", "{", "{\"a\":", "\"text\"",
            "[".repeat(5_000), "{\"a\":".repeat(3_000), "{}", "{\"unknownField\": 1}", "1", "{\"a\":1}{\"b\":2}",
            "\uFEFF{}");

    static final List<String> CONTENT_TYPES = List.of("*/*", "multipart/form-data", "multipart/form-data; boundary=",
            "text/plain", "application/json; charset=klingon", "application/xml", "garbage", "application/*",
            "application/x-www-form-urlencoded", "application/json;charset=UTF-16", "application/octet-stream",
            "text/csv");

    private BadValues() {
    }

    static List<String> forPath() {
        return PATH;
    }

    /** Values that break a parameter of this schema, and those that break any. */
    static List<String> forParameter(JsonNode schema) {
        List<String> values = new ArrayList<>(ANY);
        String kind = SampleValues.kind(schema);
        String format = SampleValues.format(schema);
        JsonNode constants = SampleValues.enumOf(schema);
        if (kind.equals("integer") || kind.equals("number")) {
            values.addAll(NUMBERS);
        } else if (kind.equals("boolean")) {
            values.addAll(BOOLEANS);
        }
        switch (format) {
            case "uuid" -> values.addAll(UUIDS);
            case "date-time" -> values.addAll(DATE_TIMES);
            case "date" -> values.addAll(DATES);
            default -> {
            }
        }
        if (constants != null) {
            String first = constants.path(0).asString("A");
            values.addAll(List.of("NOPE", ",,,", ",", first + ",," + first, first + ",%00", "1",
                    first.toLowerCase(Locale.ROOT), "%20"));
        }
        return values;
    }
}
