package io.clientele.testkit.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A property-style sweep of an API: for every operation, cases from {@link CaseGenerator} (the same ones for
 * the same seed), each sent as raw HTTP with a valid token. The property: no answer is a 5xx, and every
 * error answer (4xx) is an RFC 9457 problem document ({@code application/problem+json}, its {@code type},
 * {@code title} and {@code status}, the status the response's). Browser pages may answer their errors as pages.
 *
 * <p>The seed and the count come from system properties {@code clientele.fuzz.seed} and
 * {@code clientele.fuzz.cases} (cases per operation); the seed is printed, and so is every failing request.
 */
public final class ApiFuzz {

    public static final String SEED_PROPERTY = "clientele.fuzz.seed";
    public static final String CASES_PROPERTY = "clientele.fuzz.cases";
    static final long DEFAULT_SEED = 20261207L;
    static final int DEFAULT_CASES = 40;
    private static final int SHOWN_FAILURES = 25;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    private int casesPerOperation = Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
    private Duration budget = Duration.ofSeconds(50);

    private ApiFuzz(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** @param name what is swept, for the report (a service's name) */
    public static ApiFuzz of(String name, int port) {
        return new ApiFuzz(name, port);
    }

    public ApiFuzz bearer(String token) {
        headers.put("Authorization", "Bearer " + token);
        return this;
    }

    /** Cases per operation when {@code clientele.fuzz.cases} does not say (an API of many operations takes fewer). */
    public ApiFuzz casesPerOperation(int cases) {
        this.casesPerOperation = Integer.getInteger(CASES_PROPERTY, cases);
        return this;
    }

    /** The time the sweep may take; when it is up, the cases not yet sent are skipped (and said to be). */
    public ApiFuzz budget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /** The operations of the service's own OpenAPI document. */
    public List<ApiOperation> operationsOf(String apiDocsPath) {
        RawHttp.Response docs = RawHttp.send(port, "GET", apiDocsPath, Map.of("Accept", "application/json"), null);
        if (docs.status() != 200) {
            throw new AssertionError(name + ": " + apiDocsPath + " answered " + docs.status());
        }
        return OpenApiOperations.parse(docs.text());
    }

    /** Sends every case of every operation, then fails listing the requests that broke the property. */
    public void sweep(List<ApiOperation> operations) {
        System.out.printf("%s fuzz sweep: seed %d (-D%s=...), %d cases per operation, %d operations%n", name, seed,
                SEED_PROPERTY, casesPerOperation, operations.size());
        CaseGenerator generator = new CaseGenerator(seed);
        List<FuzzCase> cases = new ArrayList<>(envelopeCases());
        operations.forEach(operation -> cases.addAll(generator.cases(operation, casesPerOperation, headers)));
        long deadline = System.nanoTime() + budget.toNanos();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (FuzzCase fuzzCase : cases) {
            if (System.nanoTime() > deadline) {
                break;
            }
            String failure = check(fuzzCase);
            sent++;
            if (failure != null) {
                failures.add(failure + "\n    request: " + fuzzCase.describe());
            }
        }
        System.out.printf("%s fuzz sweep: %d of %d cases sent%s, %d failed%n", name, sent, cases.size(),
                sent < cases.size() ? " (the time budget ran out)" : "", failures.size());
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder(name + ": " + failures.size() + " of " + sent
                    + " fuzz cases broke the property (seed " + seed + "; rerun with -D" + SEED_PROPERTY + "=" + seed
                    + "):\n");
            failures.stream().limit(SHOWN_FAILURES).forEach(failure -> report.append("  - ").append(failure).append('\n'));
            if (failures.size() > SHOWN_FAILURES) {
                report.append("  ... and ").append(failures.size() - SHOWN_FAILURES).append(" more\n");
            }
            failures.forEach(failure -> System.out.println("FUZZ FAILURE " + failure));
            throw new AssertionError(report.toString());
        }
    }

    /** What no operation decides: requests the server itself must refuse, with a problem document. */
    private List<FuzzCase> envelopeCases() {
        ApiOperation server = new ApiOperation("GET", "/", List.of(), null, false);
        return List.of(
                new FuzzCase(server, "request line too long", "GET", "/api/v1/x?q=" + BadValues.OVERLONG_PARAMETER,
                        headers, null),
                new FuzzCase(server, "NUL in the path", "GET", "/api/v1/a%00b", headers, null),
                new FuzzCase(server, "invalid UTF-8 in the path", "GET", "/api/v1/%FF%FE", headers, null),
                new FuzzCase(server, "encoded slash in the path", "GET", "/api/v1/a%2Fb", headers, null),
                new FuzzCase(server, "bad escape in the path", "GET", "/api/v1/a%G1", headers, null),
                new FuzzCase(server, "dot segments", "GET", "/api/v1/../../etc/passwd", headers, null),
                new FuzzCase(server, "unknown path", "GET", "/api/v1/no-such-thing", headers, null));
    }

    /** Null when the answer keeps the property, else what is wrong with it. */
    private String check(FuzzCase fuzzCase) {
        RawHttp.Response response;
        try {
            response = RawHttp.send(port, fuzzCase.method(), fuzzCase.target(), fuzzCase.headers(), fuzzCase.body());
        } catch (RuntimeException noAnswer) {
            return "no HTTP answer (" + noAnswer.getMessage() + ")";
        }
        int status = response.status();
        if (status >= 500) {
            return "answered " + status + ": " + excerpt(response);
        }
        if (status < 400 || fuzzCase.operation().page()) {
            return null;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "answered " + status + " as " + type + ", not a problem document: " + excerpt(response);
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.isObject() || !problem.path("type").isString() || !problem.path("title").isString()
                    || problem.path("status").asInt(-1) != status) {
                return "answered " + status + " with a problem document lacking type, title or the status: "
                        + excerpt(response);
            }
        } catch (RuntimeException notJson) {
            return "answered " + status + " with a problem body that is not JSON: " + excerpt(response);
        }
        return null;
    }

    private static String excerpt(RawHttp.Response response) {
        String text = response.text().replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
