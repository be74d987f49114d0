package io.clientele.systemtests.bench;

import io.clientele.systemtests.bench.springfloor.SpringFloorApplication;
import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C-4 benchmark: one workspace of a million customers; the customer list's typical searches measured
 * through the HTTP API of a running customer-service, and the same SQL measured directly in psql in
 * the same run, side by side, with two floors between them: the SQL behind a Spring Boot app that does
 * nothing else ({@link SpringFloorApplication}) and behind a plain socket ({@link FloorServer}). Run it
 * with {@code system-tests/bench/customer-search.sh}.
 */
public final class CustomerSearchBenchmark {

    static final UUID WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-00000000b001");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The columns of a page of the list (see PageSql). */
    static final String COLUMNS = """
            c.id, c.first_name, c.last_name, c.company_name, c.email, c.phone, c.contact_state, c.status, c.stage,
            c.temperature, c.last_note_preview, c.last_note_at, c.discount_percent, c.source, c.synced,
            c.created_at, c.updated_at""";
    /** The sort key of names in the workspace's language (Czech, the default): one index per collation. */
    static final String NAME_KEY = "clientele_sort_name(c.last_name, c.first_name, c.company_name) COLLATE \"cs-x-icu\"";
    /** The SQL customer-service runs for a page sorted by name (see PageSql), with the values inlined. */
    static final String SELECT = "SELECT " + COLUMNS + ", " + NAME_KEY + "::text AS sort_key_0\nFROM customer c\n"
            + "WHERE c.workspace_id = '" + WORKSPACE + "'";
    /**
     * Runs discarded at the start of each block: each block is a new curl or psql process, whose first
     * request opens a connection (and whose first query fills a new session's catalog caches).
     */
    static final int BLOCK_WARMUP = 10;
    static final String ORDER_BY_NAME = "\nORDER BY " + NAME_KEY + " ASC, c.id ASC\nLIMIT 51";

    /**
     * A text search of three characters or more, with fewer matches than the budget (20,000): the
     * matches' ids and sort keys from the trigram index, sorted, then the page's rows.
     */
    static String textSearch(String pattern) {
        return ("WITH matches AS MATERIALIZED (\n    SELECT c.id, " + NAME_KEY + " AS sort_raw_0\n    FROM customer c\n"
                + "    WHERE c.workspace_id = '" + WORKSPACE + "' AND c.search_text LIKE clientele_fold('" + pattern
                + "')\n    LIMIT 20000\n), page AS (\n    SELECT * FROM matches m ORDER BY m.sort_raw_0 ASC, m.id ASC LIMIT 51\n)\n"
                + "SELECT " + COLUMNS + ", p.sort_raw_0::text AS sort_key_0, (SELECT count(*) FROM matches) AS matched\n"
                + "FROM page p JOIN customer c ON c.id = p.id AND c.workspace_id = '" + WORKSPACE + "'\n"
                + "ORDER BY p.sort_raw_0 ASC, p.id ASC");
    }

    /** One search as the API is called, and the SQL customer-service runs for it. */
    record Query(String name, String api, String sql) {
    }

    /**
     * @param spring the same SQL through {@link SpringFloorApplication}: what the framework itself costs,
     *               without the service's security, metrics and code
     * @param floor  the same SQL through {@link FloorServer}: what the HTTP round trip and the JSON cost
     *               any Java service here, without the framework
     */
    record Result(Query query, int rows, Latencies http, Latencies spring, Latencies floor, Latencies sql,
            double serviceCpu, double springCpu) {
    }

    /**
     * The CPU time one process spent while it answered the requests sent to it, per request: all its
     * threads (request threads, garbage collector, JIT, the service's Kafka consumers and outbox relay),
     * read from the OS before and after each block of sequential requests. Of the two HTTP sides that
     * are processes of their own, it tells what the service adds to the framework in work done, which
     * the latencies blur with everything else the two shared cores were doing.
     */
    static final class CpuPerRequest {

        private final ServiceProcess process;
        private long nanos;
        private long requests;

        CpuPerRequest(ServiceProcess process) {
            this.process = process;
        }

        Latencies time(Curl curl, String url, int warmup, int iterations) throws IOException, InterruptedException {
            Duration before = process.cpuTime();
            Latencies latencies = curl.time(url, warmup, iterations);
            nanos += process.cpuTime().minus(before).toNanos();
            requests += warmup + iterations;
            return latencies;
        }

        /** Milliseconds of CPU per request so far. */
        double millis() {
            return nanos / 1e6 / requests;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        int globalWarmup = Integer.parseInt(options.getOrDefault("global-warmup", "5000"));
        int block = Integer.parseInt(options.getOrDefault("block", "100"));
        int maxWarmup = Integer.parseInt(options.getOrDefault("max-warmup", "100000"));
        String database = options.getOrDefault("database", "customer_bench");
        int port = Integer.parseInt(options.getOrDefault("port", "18081"));
        int springPort = Integer.parseInt(options.getOrDefault("spring-floor-port", "18091"));
        String[] jvmOptions = options.getOrDefault("service-jvm", "-Xms1g -Xmx1g").split(" ");
        Path report = Path.of(options.getOrDefault("report", "system-tests/target/customer-search-benchmark.md"));

        Psql admin = new Psql("127.0.0.1", 5432, "postgres", "postgres");
        if (admin.value("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'").equals("0")) {
            admin.run("CREATE DATABASE " + database + ";\n");
        }
        Psql psql = new Psql("127.0.0.1", 5432, "postgres", database);
        String secret = TestTokens.newSecret();
        Path log = Files.createDirectories(report.toAbsolutePath().getParent()).resolve("customer-service-bench.log");

        // The service runs as deployed: with a broker (idle, as searching writes no events; its consumers
        // poll it) and with its outbox relay polling. Pointed at no broker instead, its Kafka clients
        // retry in bursts of thousands of log lines a minute, which is not how it runs.
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + database;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(6);
                ServiceProcess service = ServiceProcess.start(ServiceProcess.jar("customer-service"), port, Map.of(
                        "SPRING_DATASOURCE_URL", jdbcUrl,
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret), log, jvmOptions)) {
            service.awaitReady(Duration.ofMinutes(3));
            load(psql, customers);
            List<Query> queries = queries(psql);
            String token = new HmacTokenMinter(secret).mint(WORKSPACE, "bench", Duration.ofHours(2), "STAFF");
            // One statement per line for the Spring floor (no statement has a line break inside a literal).
            Path statements = Files.write(Files.createTempFile("search-statements", ".sql"),
                    queries.stream().map(query -> query.sql().replace('\n', ' ')).toList());
            statements.toFile().deleteOnExit();
            try (ServiceProcess spring = ServiceProcess.start(System.getProperty("java.class.path"),
                    SpringFloorApplication.class.getName(), springPort, Map.of(
                            "SPRING_DATASOURCE_URL", jdbcUrl,
                            "SPRING_DATASOURCE_USERNAME", "postgres",
                            "FLOOR_STATEMENTS", statements.toString()),
                    log.resolveSibling("spring-floor-bench.log"), jvmOptions);
                    FloorServer floor = FloorServer.start(jdbcUrl, queries.stream().map(Query::sql).toList())) {
                spring.awaitReady(Duration.ofMinutes(1), "/ready");
                Curl curl = new Curl(token);
                List<List<String>> urls = urls(port, springPort, floor, queries);
                Warmup warm = warmUp(List.of(service, spring), curl, urls, globalWarmup, maxWarmup);
                System.out.println(warm);
                // What a request costs that does nothing: HTTP and the filters, no database.
                // (Warmed up first and apart: the warm-up rounds never called them, so their first requests
                // compile code, and that CPU is not what such a request costs.)
                String liveness = "http://localhost:" + port + "/actuator/health/liveness";
                String ready = "http://localhost:" + springPort + "/ready";
                curl.time(liveness, warmup, 1);
                curl.time(ready, warmup, 1);
                // What each spends on its own, between requests (the service's consumers and relay polling):
                // part of every CPU-per-request figure below, in proportion to how long requests take.
                double[] idle = idleCpu(List.of(service, spring), Duration.ofSeconds(10));
                CpuPerRequest emptyCpu = new CpuPerRequest(service);
                CpuPerRequest springEmptyCpu = new CpuPerRequest(spring);
                Latencies empty = emptyCpu.time(curl, liveness, BLOCK_WARMUP, iterations);
                Latencies springEmpty = springEmptyCpu.time(curl, ready, BLOCK_WARMUP, iterations);
                List<Result> results = new ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    Query query = queries.get(i);
                    int rows = checkSameRows(port, token, psql, query);
                    List<String> sideUrls = urls.get(i);
                    for (String url : sideUrls) {
                        curl.time(url, warmup, 1);
                    }
                    psql.time(query.sql(), warmup, 1);
                    // The sides take turns in blocks, so that each sees the same moments of this shared
                    // machine (its slow spells last seconds; one side measured after the other could meet
                    // one that the other did not). Sides 0-2 are the URLs (API, Spring floor, floor), 3 psql.
                    int count = sideUrls.size() + 1;
                    List<CpuPerRequest> cpu = List.of(new CpuPerRequest(service), new CpuPerRequest(spring));
                    List<List<Latencies>> sides = new ArrayList<>();
                    for (int side = 0; side < count; side++) {
                        sides.add(new ArrayList<>());
                    }
                    for (int round = 0; round < Math.max(1, iterations / block); round++) {
                        for (int turn = 0; turn < count; turn++) {
                            int side = (round + turn) % count;
                            sides.get(side).add(side < cpu.size()
                                    ? cpu.get(side).time(curl, sideUrls.get(side), BLOCK_WARMUP, block)
                                    : side < sideUrls.size()
                                            ? curl.time(sideUrls.get(side), BLOCK_WARMUP, block)
                                            : psql.time(query.sql(), BLOCK_WARMUP, block));
                        }
                    }
                    Result result = new Result(query, rows, Latencies.concat(sides.get(0)),
                            Latencies.concat(sides.get(1)), Latencies.concat(sides.get(2)),
                            Latencies.concat(sides.get(3)), cpu.get(0).millis(), cpu.get(1).millis());
                    results.add(result);
                    System.out.printf(Locale.ROOT, "%-28s API p50 %6.2f p95 %6.2f | Spring floor p50 %6.2f p95 %6.2f "
                                    + "| floor p50 %6.2f p95 %6.2f | psql p50 %6.2f p95 %6.2f ms | CPU per request: service "
                            + "%.2f, Spring floor %.2f ms%n", query.name(),
                            result.http().p50(), result.http().p95(), result.spring().p50(), result.spring().p95(),
                            result.floor().p50(), result.floor().p95(), result.sql().p50(), result.sql().p95(),
                            result.serviceCpu(), result.springCpu());
                }
                String markdown = report(customers, iterations, warmup, warm, block, empty, springEmpty,
                        emptyCpu.millis(), springEmptyCpu.millis(), idle, results, plans(psql, queries));
                Files.writeString(report, markdown);
                System.out.println(markdown);
            }
        }
    }

    /** How the service was warmed up: requests sent, and the share of the last round its JIT spent compiling. */
    record Warmup(int requests, boolean quiet, double lastRoundCompiling) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d warm-up requests, %s (compiling %.1f %% of the last round)",
                    requests, quiet ? "until the JIT compilers of the service and the Spring floor were quiet"
                            : "the compilers still not quiet",
                    100 * lastRoundCompiling);
        }
    }

    /**
     * Sends every query to every HTTP side (the service, the Spring floor, the floor server) in rounds: at
     * least {@code minimum} requests, then on until the JIT compilers of the service and of the Spring
     * floor spend under 2 % of two rounds in a row compiling, as in services that have been running for a
     * while. (Measured here: after 5,000 requests C2 was still busy for over a second in every 3,000
     * requests, and the deep page measured 2.12 ms at p50 then against 1.44 ms once the compiler was quiet.)
     */
    private static Warmup warmUp(List<ServiceProcess> services, Curl curl, List<List<String>> urls, int minimum,
            int maximum) throws IOException, InterruptedException {
        int perRound = 200;
        int sent = 0;
        int quietRounds = 0;
        double compiling = 1;
        while (sent < maximum && (sent < minimum || quietRounds < 2)) {
            List<Duration> compiledBefore = new ArrayList<>();
            for (ServiceProcess service : services) {
                compiledBefore.add(service.compilationTime());
            }
            long started = System.nanoTime();
            for (List<String> sides : urls) {
                for (String url : sides) {
                    curl.time(url, perRound, 1);
                    sent += perRound + 1;
                }
            }
            long elapsed = System.nanoTime() - started;
            compiling = 0;
            for (int i = 0; i < services.size(); i++) {
                Duration compiled = services.get(i).compilationTime().minus(compiledBefore.get(i));
                compiling = Math.max(compiling, (double) compiled.toNanos() / elapsed);
            }
            quietRounds = compiling < 0.02 ? quietRounds + 1 : 0;
        }
        return new Warmup(sent, quietRounds >= 2, compiling);
    }

    /** Each process's CPU time over {@code period} without requests, in milliseconds a second. */
    private static double[] idleCpu(List<ServiceProcess> processes, Duration period) throws InterruptedException {
        Duration[] before = processes.stream().map(ServiceProcess::cpuTime).toArray(Duration[]::new);
        Thread.sleep(period);
        double[] perSecond = new double[processes.size()];
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = processes.get(i).cpuTime().minus(before[i]).toNanos() / 1e6 / period.toSeconds();
        }
        return perSecond;
    }

    /** Per query, the URLs of its HTTP sides: the service's API, the Spring floor, the floor server. */
    private static List<List<String>> urls(int port, int springPort, FloorServer floor, List<Query> queries) {
        List<List<String>> urls = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            urls.add(List.of(url(port, queries.get(i)), "http://localhost:" + springPort + "/" + i,
                    "http://localhost:" + floor.port() + "/" + i));
        }
        return urls;
    }

    private static void load(Psql psql, int customers) throws IOException, InterruptedException {
        String present = psql.value("SELECT count(*) FROM customer WHERE workspace_id = '" + WORKSPACE + "'");
        if (Integer.parseInt(present) == customers) {
            System.out.println("Reusing the " + customers + " customers already loaded");
            return;
        }
        psql.run("DELETE FROM customer WHERE workspace_id = '" + WORKSPACE + "';\n");
        long started = System.nanoTime();
        psql.run(resource("bench/load-customers.sql"), "n=" + customers, "workspace=" + WORKSPACE);
        System.out.printf(Locale.ROOT, "Loaded %d customers in %.1f s%n", customers,
                (System.nanoTime() - started) / 1e9);
    }

    /** The four searches, with fragments taken from the data so each finds what a user would look for. */
    static List<Query> queries(Psql psql) throws IOException, InterruptedException {
        String ws = "c.workspace_id = '" + WORKSPACE + "'";
        int customers = Integer.parseInt(psql.value("SELECT count(*) FROM customer c WHERE " + ws));
        // A rare surname, typed partly: what staff type to find one person among a million.
        String surname = psql.value("SELECT last_name FROM customer c WHERE " + ws + " AND last_name LIKE '%ek'"
                + " GROUP BY last_name HAVING count(*) BETWEEN " + Math.max(2, customers / 50_000) + " AND "
                + Math.max(6, customers / 15_000) + " ORDER BY last_name LIMIT 1");
        String surnameFragment = psql.value("SELECT left(clientele_fold('" + surname + "'), 7)");
        // The start of someone's e-mail address.
        String email = psql.value("SELECT email FROM customer c WHERE " + ws + " AND email LIKE '%.%@%'"
                + " ORDER BY created_at OFFSET " + customers / 8 + " LIMIT 1");
        String emailFragment = email.substring(0, email.indexOf('@') - 1);
        // Seven digits of someone's number, typed with spaces.
        String phone = psql.value("SELECT phone FROM customer c WHERE " + ws + " AND phone IS NOT NULL"
                + " ORDER BY created_at OFFSET " + customers * 2 / 3 + " LIMIT 1");
        String digits = phone.substring(4, 11);
        String typedPhone = digits.substring(0, 3) + " " + digits.substring(3);
        // A filtered, sorted list opened deep down: the page after 60 % of REGULAR + HOT customers by name.
        String filter = " AND c.status IN ('REGULAR') AND c.temperature IN ('HOT')";
        int filtered = Integer.parseInt(psql.value("SELECT count(*) FROM customer c WHERE " + ws + filter));
        String[] after = psql.value("SELECT " + NAME_KEY + " || '|' || c.id FROM customer c WHERE " + ws + filter
                + " ORDER BY " + NAME_KEY + ", c.id OFFSET " + (filtered * 6 / 10) + " LIMIT 1").split("\\|");
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(Map.of(
                "sort", "name", "descending", false, "collation", "cs-x-icu", "keys", List.of(after[0]),
                "id", after[1])));

        return List.of(
                new Query("rare last-name fragment '" + surnameFragment + "'", "q=" + encode(surnameFragment),
                        textSearch("%" + surnameFragment + "%")),
                new Query("e-mail fragment '" + emailFragment + "'", "q=" + encode(emailFragment),
                        textSearch("%" + emailFragment + "%")),
                new Query("phone digits '" + typedPhone + "'", "q=" + encode(typedPhone),
                        textSearch("%" + digits + "%")),
                new Query("common surname 'dvorak' (1.3 %)", "q=dvorak", textSearch("%dvorak%")),
                new Query("REGULAR+HOT by name, deep page", "status=REGULAR&temperature=HOT&sort=name&cursor=" + cursor,
                        SELECT + filter + " AND (" + NAME_KEY + ", c.id) > (CAST('" + after[0].replace("'", "''")
                                + "' AS text) COLLATE \"cs-x-icu\", '" + after[1] + "')" + ORDER_BY_NAME));
    }

    /** The API and the SQL must return the same page, or the comparison would be meaningless. */
    private static int checkSameRows(int port, String token, Psql psql, Query query)
            throws IOException, InterruptedException {
        JsonNode page = JSON.readTree(get(port, token, query).body());
        List<String> apiIds = new ArrayList<>();
        page.get("items").forEach(item -> apiIds.add(item.get("id").asString()));
        List<String> sqlIds = List.of(psql.value("SELECT string_agg(id::text, ',' ORDER BY n) FROM (SELECT id, "
                + "row_number() OVER () AS n FROM (" + query.sql() + ") q) r WHERE n <= 50").split(","));
        if (apiIds.isEmpty() || !apiIds.equals(sqlIds)) {
            throw new IllegalStateException(query.name() + ": the API returned " + apiIds + " but SQL " + sqlIds);
        }
        return apiIds.size();
    }

    /** One GET, for checking answers (timing is curl's job). */
    private static Response get(int port, String token, Query query) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url(port, query)).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Response(status, body == null ? new byte[0] : body.readAllBytes());
        }
    }

    record Response(int status, byte[] body) {
    }

    private static String url(int port, Query query) {
        return "http://localhost:" + port + "/api/v1/customers?" + query.api();
    }

    private static Map<String, String> plans(Psql psql, List<Query> queries) throws IOException, InterruptedException {
        Map<String, String> plans = new LinkedHashMap<>();
        for (Query query : queries) {
            plans.put(query.name(), psql.run("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + query.sql() + ";\n"));
        }
        return plans;
    }

    private static String report(int customers, int iterations, int warmup, Warmup globalWarmup, int block,
            Latencies empty, Latencies springEmpty, double emptyCpu, double springEmptyCpu, double[] idle,
            List<Result> results, Map<String, String> plans) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d customers in one workspace; %s, then per query %d "
                + "warm-up and %d measured runs, taken by the API, the Spring floor, the floor server and psql in "
                + "turns of %d (each turn one kept-alive connection, its first %d runs discarded); HTTP timed by "
                + "curl, SQL by psql's \\timing; latencies in ms.%n%n",
                customers, globalWarmup, warmup, iterations, block, BLOCK_WARMUP));
        md.append("| query | rows | API p50 | API p95 | API p99 | Spring floor p50 | Spring floor p95 | floor p50 "
                + "| floor p95 | psql p50 | psql p95 | psql p99 | API/psql p95 | Spring floor/psql p95 "
                + "| floor/psql p95 | service CPU/request | Spring floor CPU/request |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f "
                            + "| %.2f | %.2f | %.2fx | %.2fx | %.2fx | %.2f | %.2f |%n",
                    r.query().name(), r.rows(), r.http().p50(), r.http().p95(), r.http().p99(), r.spring().p50(),
                    r.spring().p95(), r.floor().p50(), r.floor().p95(), r.sql().p50(), r.sql().p95(), r.sql().p99(),
                    r.http().p95() / r.sql().p95(), r.spring().p95() / r.sql().p95(),
                    r.floor().p95() / r.sql().p95(), r.serviceCpu(), r.springCpu()));
        }
        md.append(String.format(Locale.ROOT, "%nSpring floor: the same SQL through SpringFloorApplication (Spring MVC on "
                + "Tomcat, HikariCP, JdbcTemplate, Jackson; no security, actuator, metrics or service code). floor: "
                + "through FloorServer (a plain-socket HTTP server, no framework, JSON by hand). Requests that do "
                + "nothing (no database): the service's GET /actuator/health/liveness p50 %.2f, p95 %.2f, p99 %.2f "
                + "(CPU %.2f ms per request); the Spring floor's GET /ready p50 %.2f, p95 %.2f, p99 %.2f (CPU %.2f "
                + "ms). CPU per request: the process's CPU time over its measured blocks (all its threads), divided "
                + "by the requests they held. Idle, between requests: the service %.1f ms of CPU a second, the Spring "
                + "floor %.1f.%n", empty.p50(), empty.p95(), empty.p99(), emptyCpu, springEmpty.p50(),
                springEmpty.p95(), springEmpty.p99(), springEmptyCpu, idle[0], idle[1]));
        md.append("\nPlans (EXPLAIN ANALYZE, last run):\n");
        plans.forEach((name, plan) -> md.append("\n").append(name).append(":\n```\n").append(plan.strip()).append("\n```\n"));
        return md.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CustomerSearchBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
