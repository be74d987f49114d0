package io.clientele.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * The cases of one operation, the same for the same seed: its plausible request first, then requests that
 * each break one thing (a path or query parameter, one field of the body, the whole body, the Content-Type,
 * a multipart form), taken in turn from each kind so that a small count still tries every kind.
 */
public final class CaseGenerator {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEHOLDER = "__clientele_fuzz_placeholder__";

    private final long seed;

    public CaseGenerator(long seed) {
        this.seed = seed;
    }

    public List<FuzzCase> cases(ApiOperation operation, int count, Map<String, String> commonHeaders) {
        Random random = new Random(seed * 31 + operation.key().hashCode());
        Request base = base(operation, random, commonHeaders);
        List<List<Supplier<FuzzCase>>> kinds = new ArrayList<>();
        kinds.add(pathCases(operation, base));
        kinds.add(queryCases(operation, base));
        kinds.add(bodyFieldCases(operation, base));
        kinds.add(wholeBodyCases(operation, base));
        kinds.add(contentTypeCases(operation, base));
        kinds.add(multipartCases(operation, base));
        kinds.removeIf(List::isEmpty);
        kinds.forEach(kind -> Collections.shuffle(kind, random));
        Collections.shuffle(kinds, random);

        List<FuzzCase> cases = new ArrayList<>();
        cases.add(base.toCase("plausible request", base.target(), base.body, base.headers));
        int[] next = new int[kinds.size()];
        while (cases.size() < count && !kinds.isEmpty()) {
            boolean any = false;
            for (int k = 0; k < kinds.size() && cases.size() < count; k++) {
                if (next[k] < kinds.get(k).size()) {
                    cases.add(kinds.get(k).get(next[k]++).get());
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return cases;
    }

    /** The plausible request a case changes one thing of. */
    private static final class Request {
        final ApiOperation operation;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode json;
        byte[] body;

        Request(ApiOperation operation) {
            this.operation = operation;
        }

        String target() {
            return target(path, query);
        }

        String target(Map<String, String> pathValues, Map<String, String> queryValues) {
            String target = operation.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                target = target.replace("{" + value.getKey() + "}", value.getValue());
            }
            target = target.replaceAll("\\{[^}]*}", "x");
            if (!queryValues.isEmpty()) {
                StringBuilder query = new StringBuilder();
                queryValues.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(encode(name))
                        .append('=').append(value));
                target += query;
            }
            return target;
        }

        FuzzCase toCase(String tries, String target, byte[] body, Map<String, String> headers) {
            return new FuzzCase(operation, tries, operation.method(), target, Map.copyOf(headers), body);
        }
    }

    private Request base(ApiOperation operation, Random random, Map<String, String> commonHeaders) {
        Request base = new Request(operation);
        base.headers.putAll(commonHeaders);
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            String value = encode(SampleValues.text(parameter.schema(), random));
            if (parameter.in().equals("path")) {
                base.path.put(parameter.name(), value);
            } else if (parameter.required() || random.nextBoolean()) {
                base.query.put(parameter.name(), value);
            }
        }
        ApiOperation.Body body = operation.body();
        if (body == null) {
            return base;
        }
        base.headers.put("Content-Type", body.mediaType());
        if (isJson(body.mediaType())) {
            base.json = SampleValues.json(body.schema(), random, 0);
            base.body = JSON.writeValueAsBytes(base.json);
        } else if (body.mediaType().startsWith("multipart/")) {
            base.headers.put("Content-Type", "multipart/form-data; boundary=fuzzBoundary");
            base.body = Bodies.multipart(body.schema(), "fuzz.csv", true);
        } else {
            base.body = Bodies.CSV.getBytes(StandardCharsets.UTF_8);
        }
        return base;
    }

    private static List<Supplier<FuzzCase>> pathCases(ApiOperation operation, Request base) {
        List<Supplier<FuzzCase>> cases = new ArrayList<>();
        base.path.keySet().forEach(name -> BadValues.forPath().forEach(value -> cases.add(() -> {
            Map<String, String> path = new LinkedHashMap<>(base.path);
            path.put(name, value);
            return base.toCase("path parameter " + name, base.target(path, base.query), base.body, base.headers);
        })));
        return cases;
    }

    private static List<Supplier<FuzzCase>> queryCases(ApiOperation operation, Request base) {
        List<Supplier<FuzzCase>> cases = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query")) {
                BadValues.forParameter(parameter.schema()).forEach(value -> cases.add(() -> {
                    Map<String, String> query = new LinkedHashMap<>(base.query);
                    query.put(parameter.name(), value);
                    return base.toCase("query parameter " + parameter.name(), base.target(base.path, query), base.body,
                            base.headers);
                }));
            }
        }
        // a parameter the operation does not know is read by the container all the same
        for (String value : List.of("%FF%FE", "%00", "%G1", "%")) {
            cases.add(() -> {
                Map<String, String> query = new LinkedHashMap<>(base.query);
                query.put("fuzz", value);
                return base.toCase("unknown query parameter", base.target(base.path, query), base.body, base.headers);
            });
        }
        return cases;
    }

    private static List<Supplier<FuzzCase>> bodyFieldCases(ApiOperation operation, Request base) {
        List<Supplier<FuzzCase>> cases = new ArrayList<>();
        if (base.json == null) {
            return cases;
        }
        List<List<Object>> paths = new ArrayList<>();
        Bodies.collectPaths(base.json, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            for (String token : BadValues.JSON_TOKENS) {
                cases.add(() -> {
                    JsonNode copy = base.json.deepCopy();
                    JsonNode mutated = Bodies.replaceAt(copy, path, StringNode.valueOf(PLACEHOLDER));
                    String text = JSON.writeValueAsString(mutated).replace("\"" + PLACEHOLDER + "\"", token);
                    return base.toCase("body field " + Bodies.describe(path), base.target(),
                            text.getBytes(StandardCharsets.UTF_8), base.headers);
                });
            }
        }
        return cases;
    }

    private static List<Supplier<FuzzCase>> wholeBodyCases(ApiOperation operation, Request base) {
        List<Supplier<FuzzCase>> cases = new ArrayList<>();
        if (!takesBody(operation)) {
            return cases;
        }
        Map<String, String> headers = new LinkedHashMap<>(base.headers);
        headers.putIfAbsent("Content-Type", "application/json");
        for (String body : BadValues.WHOLE_BODIES) {
            cases.add(() -> base.toCase("whole body", base.target(), body.getBytes(StandardCharsets.UTF_8), headers));
        }
        // bytes that are not UTF-8 inside a string, and a NUL byte on its own
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};
        cases.add(() -> base.toCase("whole body not UTF-8", base.target(), notUtf8, headers));
        cases.add(() -> base.toCase("whole body NUL byte", base.target(), new byte[] {'{', 0, '}'}, headers));
        return cases;
    }

    private static List<Supplier<FuzzCase>> contentTypeCases(ApiOperation operation, Request base) {
        List<Supplier<FuzzCase>> cases = new ArrayList<>();
        if (!takesBody(operation)) {
            return cases;
        }
        byte[] body = base.body != null ? base.body : "{}".getBytes(StandardCharsets.UTF_8);
        for (String type : BadValues.CONTENT_TYPES) {
            cases.add(() -> {
                Map<String, String> headers = new LinkedHashMap<>(base.headers);
                headers.put("Content-Type", type);
                byte[] sent = type.startsWith("application/x-www-form-urlencoded") ? "a=%FF%FE&b=%00".getBytes() : body;
                return base.toCase("Content-Type " + type, base.target(), sent, headers);
            });
        }
        cases.add(() -> {
            Map<String, String> headers = new LinkedHashMap<>(base.headers);
            headers.remove("Content-Type");
            return base.toCase("no Content-Type", base.target(), body, headers);
        });
        return cases;
    }

    private List<Supplier<FuzzCase>> multipartCases(ApiOperation operation, Request base) {
        List<Supplier<FuzzCase>> cases = new ArrayList<>();
        if (operation.body() == null || !operation.body().mediaType().startsWith("multipart/")) {
            return cases;
        }
        JsonNode schema = operation.body().schema();
        Map<String, String> bounded = base.headers;
        Map<String, String> unbounded = new LinkedHashMap<>(base.headers);
        unbounded.put("Content-Type", "multipart/form-data");
        cases.add(() -> base.toCase("multipart without boundary", base.target(), base.body, unbounded));
        cases.add(() -> base.toCase("multipart cut short", base.target(),
                Arrays.copyOf(base.body, base.body.length / 2), bounded));
        cases.add(() -> base.toCase("multipart NUL in file name", base.target(), Bodies.multipart(schema, "a\u0000b.csv", true),
                bounded));
        cases.add(() -> base.toCase("multipart CR LF in file name", base.target(),
                Bodies.multipart(schema, "a\r\nX-Fuzz: 1.csv", true), bounded));
        cases.add(() -> base.toCase("multipart without its closing boundary", base.target(),
                Bodies.multipart(schema, "fuzz.csv", false), bounded));
        cases.add(() -> base.toCase("multipart without parts", base.target(), "--fuzzBoundary--\r\n".getBytes(), bounded));
        cases.add(() -> base.toCase("multipart of garbage", base.target(), "garbage".getBytes(), bounded));
        return cases;
    }

    private static boolean takesBody(ApiOperation operation) {
        return operation.body() != null || List.of("POST", "PUT", "PATCH").contains(operation.method());
    }

    private static boolean isJson(String mediaType) {
        return mediaType.contains("json");
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }
}
