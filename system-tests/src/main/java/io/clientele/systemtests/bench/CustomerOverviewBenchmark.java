package io.clientele.systemtests.bench;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.tokens.HmacTokenMinter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * G-5 under load: {@code GET /api/v1/customers/{id}/overview} through the gateway of the running system
 * (deploy/local/run.sh), from a JDK HttpClient at a fixed concurrency, with every service up; then the same
 * through a second gateway started here from its jar whose scenario-service address nobody listens on (the
 * service down, as the gateway sees it). Reports p50/p95/p99 of each and how many answers were complete.
 * Run it with {@code system-tests/bench/customer-overview.sh}.
 */
public final class CustomerOverviewBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CustomerImportBenchmark.options(args);
        String gateway = options.getOrDefault("gateway", "http://localhost:8080");
        String secret = required(options, "secret");
        // a workspace of its own, so the runs leave nothing in anybody else's
        String token = new HmacTokenMinter(secret).mint(UUID.randomUUID(), "bench", Duration.ofHours(2), "OWNER", "STAFF");
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int secondPort = Integer.parseInt(options.getOrDefault("second-gateway-port", "18080"));
        Path report = Path.of(options.getOrDefault("report", "system-tests/target/customer-overview-benchmark.md"));
        Path log = Files.createDirectories(report.toAbsolutePath().getParent()).resolve("gateway-scenario-down.log");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        String customer = aCustomerEveryServiceKnows(http, gateway, token);
        System.out.println("customer " + customer);
        Run allUp = measure(http, gateway, token, customer, requests, concurrency);
        System.out.println("all up: " + allUp);

        try (ServiceProcess downstairs = ServiceProcess.start(ServiceProcess.jar("gateway"), secondPort, Map.of(
                "CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret,
                "CLIENTELE_SERVICES_SCENARIO_URL", "http://127.0.0.1:" + aPortNobodyListensOn()), log,
                "-Xms256m", "-Xmx512m")) {
            downstairs.awaitReady(Duration.ofMinutes(2));
            Run oneDown = measure(http, "http://localhost:" + secondPort, token, customer, requests, concurrency);
            System.out.println("scenario-service down: " + oneDown);
            String result = String.format(Locale.ROOT, """
                    ## Customer overview benchmark (%s), preliminary

                    GET /api/v1/customers/{id}/overview through the gateway, %d requests at concurrency %d after %d
                    warm-up requests, one customer every service knows, JDK HttpClient driver on the same machine.
                    Part timeout and deadline as configured (800 ms / 1500 ms by default).

                    | services | requests | p50 ms | p95 ms | p99 ms | max ms | complete answers | status other than 200 |
                    |---|---:|---:|---:|---:|---:|---:|---:|
                    | all up (gateway of the running system) | %s |
                    | scenario-service down (a second gateway, its address closed) | %s |
                    """, Instant.now(), requests, concurrency, warmUp(requests), allUp.row(),
                    oneDown.row());
            System.out.println(result);
            Files.writeString(report, result);
        }
    }

    /** One customer created through the gateway, waited for until communication-service has its preferences. */
    static String aCustomerEveryServiceKnows(HttpClient http, String gateway, String token) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"firstName": "Jana", "lastName": "Benchová", "email": "jana.bench.%d@example.cz"}"""
                        .formatted(System.nanoTime()))).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the customer answered " + created.statusCode() + " " + created.body());
        }
        String id = JSON.readTree(created.body()).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            JsonNode overview = JSON.readTree(get(http, gateway, token, id).body());
            if (overview.path("complete").asBoolean(false)) {
                return id;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the overview of " + id + " was not complete within a minute: "
                + get(http, gateway, token, id).body());
    }

    record Run(Latencies latencies, int complete, int notOk, Map<String, Integer> unavailable) {

        String row() {
            return String.format(Locale.ROOT, "%d | %.1f | %.1f | %.1f | %.1f | %d | %d", latencies.count(),
                    latencies.p50(), latencies.p95(), latencies.p99(), latencies.max(), complete, notOk);
        }

        @Override
        public String toString() {
            return row() + " unavailable parts " + unavailable;
        }
    }

    static int warmUp(int requests) {
        return Math.max(200, requests / 5);
    }

    static Run measure(HttpClient http, String gateway, String token, String customer, int requests, int concurrency)
            throws Exception {
        run(http, gateway, token, customer, warmUp(requests), concurrency, new ArrayList<>(), new AtomicInteger(),
                new AtomicInteger(), new ConcurrentHashMap<>());
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger complete = new AtomicInteger();
        AtomicInteger notOk = new AtomicInteger();
        Map<String, Integer> unavailable = new ConcurrentHashMap<>();
        run(http, gateway, token, customer, requests, concurrency, millis, complete, notOk, unavailable);
        return new Run(Latencies.of(millis), complete.get(), notOk.get(), Map.copyOf(unavailable));
    }

    /** {@code concurrency} callers in a closed loop until {@code requests} have been answered. */
    static void run(HttpClient http, String gateway, String token, String customer, int requests, int concurrency,
            List<Double> millis, AtomicInteger complete, AtomicInteger notOk, Map<String, Integer> unavailable)
            throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                done.add(callers.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long started = System.nanoTime();
                        HttpResponse<String> answer = get(http, gateway, token, customer);
                        millis.add((System.nanoTime() - started) / 1e6);
                        if (answer.statusCode() != 200) {
                            notOk.incrementAndGet();
                            continue;
                        }
                        JsonNode overview = JSON.readTree(answer.body());
                        if (overview.path("complete").asBoolean(false)) {
                            complete.incrementAndGet();
                        }
                        overview.path("unavailable").forEach(part -> unavailable.merge(part.asString(), 1, Integer::sum));
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get();
            }
        }
    }

    static HttpResponse<String> get(HttpClient http, String gateway, String token, String customer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/customers/" + customer + "/overview"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }

    static int aPortNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
