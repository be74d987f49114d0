package io.clientele.scenario.timers;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.http.Api;
import io.clientele.testkit.infra.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-5 benchmark: two scenario-service instances (separate JVMs, started from this class path) on one database on the
 * local PostgreSQL and an embedded Kafka broker in this process. Three runs, each its own workspace and scenario with
 * one send step per enrollment (seeded by {@link DueSteps}):
 * <ol>
 *   <li>paced: 500 steps falling due per second for 30 s; lateness = the send command's Kafka timestamp (when the
 *       relay handed it to Kafka) minus the step's due time (the command's {@code notBefore});</li>
 *   <li>burst: 100,000 enrollments whose steps fall due within one minute: steps executed per second (from the
 *       steps' done times) and the lateness behind the burst;</li>
 *   <li>the same burst with one instance killed (SIGKILL) when a third of it is done; the survivor takes over the
 *       timers the dead one held once its heartbeat is {@code missed-heartbeats} intervals old.</li>
 * </ol>
 * Each run counts misses (a step not done, or its request id never on Kafka) and duplicates (a request id from two
 * executions: two event ids); the relay's redeliveries of one event (same id, at least once) are counted apart.
 * Run it with {@code system-tests/bench/scenario-timers.sh}.
 */
public final class TimersBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int enrollments = Integer.parseInt(options.getOrDefault("enrollments", "100000"));
        int window = Integer.parseInt(options.getOrDefault("window", "60"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int pacedSeconds = Integer.parseInt(options.getOrDefault("paced-seconds", "30"));
        int lead = Integer.parseInt(options.getOrDefault("lead", "20"));
        String[] jvm = options.getOrDefault("service-jvm", "-Xms256m -Xmx512m").split(" ");
        Path report = Path.of(options.getOrDefault("report", "scenario-service/target/scenario-timers-benchmark.md"));
        Path logs = Files.createDirectories(report.toAbsolutePath().getParent());
        // the service's settings, as environment: --env=CLIENTELE_SCENARIO_TIMERS_THREADS=8,CLIENTELE_...=...
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : options.getOrDefault("env", "").split(",")) {
            if (!setting.isBlank()) {
                settings.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
                Two instances, service settings %s, JVM %s; %d enrollments due within %d s; paced %d/s for %d s.

                | run | steps | executed/s (first due -> last done) | peak executed/s (1 s) | lateness p50 / p99 / max (due -> on Kafka) | missed | duplicated | relay redeliveries | CPU s (a / b) |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|
                """, settings.isEmpty() ? "as application.yml" : settings, String.join(" ", jvm), enrollments, window,
                rate, pacedSeconds));

        try (ScratchDatabase database = ScratchDatabase.create("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                "", options.getOrDefault("database", "scenario_timers_bench"));
                EmbeddedKafka kafka = EmbeddedKafka.start(6, null, "communication.commands", "scenario.events");
                Commands commands = new Commands(kafka.bootstrapServers())) {
            ServiceProcess a = ScenarioInstance.start("a", database, kafka.bootstrapServers(), logs, settings, jvm);
            ServiceProcess b = ScenarioInstance.start("b", database, kafka.bootstrapServers(), logs, settings, jvm);
            try {
                a.awaitReady(Duration.ofMinutes(3));
                b.awaitReady(Duration.ofMinutes(3));
                JdbcTemplate jdbc = database.jdbc();
                Run warmUp = new Run("warm-up", jdbc, commands, a, b);
                warmUp.seedAndAwait(5_000, Instant.now().plusSeconds(5), Duration.ZERO, null);
                System.out.println(warmUp.measure());
                String[] runs = options.getOrDefault("runs", "paced,burst,killed").split(",");
                for (String name : runs) {
                    Run run = new Run(name, jdbc, commands, a, b);
                    boolean paced = name.equals("paced");
                    int steps = paced ? rate * pacedSeconds : enrollments;
                    Duration spread = Duration.ofSeconds(paced ? pacedSeconds : window);
                    ServiceProcess killed = name.equals("killed") ? a : null;
                    run.seedAndAwait(steps, Instant.now().plusSeconds(paced ? 5 : lead), spread, killed);
                    String row = run.measure();
                    System.out.println(row);
                    md.append(row).append('\n');
                }
            } finally {
                a.close();
                b.close();
            }
        }
        Files.writeString(report, md.toString());
        System.out.println(md);
    }

    /** One run: its own workspace and scenario, so its commands are told apart on the topic. */
    static final class Run {

        final String name;
        final JdbcTemplate jdbc;
        final Commands commands;
        final ServiceProcess a;
        final ServiceProcess b;
        final UUID workspace = UUID.randomUUID();
        final Duration cpuA;
        final Duration cpuB;
        Set<String> expected;
        String note = "";

        Run(String name, JdbcTemplate jdbc, Commands commands, ServiceProcess a, ServiceProcess b) {
            this.name = name;
            this.jdbc = jdbc;
            this.commands = commands;
            this.a = a;
            this.b = b;
            cpuA = cpu(a);
            cpuB = cpu(b);
        }

        void seedAndAwait(int steps, Instant firstDue, Duration spread, ServiceProcess toKill) throws Exception {
            int port = a.isAlive() ? a.port() : b.port();
            String body = Api.owner(port, workspace).raw(HttpMethod.POST, "/api/v1/scenarios",
                    MediaType.APPLICATION_JSON, """
                    {"name": "Timers %s", "trigger": "MANUAL", "entry": {"reEntry": "ALWAYS"}, "steps": [
                      {"id": "send", "type": "SEND", "message": {"templateKey": "bench", "channel": "SMS",
                       "category": "TRANSACTIONAL"}}]}""".formatted(name)).expectStatus().isCreated()
                    .expectBody(String.class).returnResult().getResponseBody();
            UUID scenario = UUID.fromString(JSON.readTree(body).get("id").asString());
            long started = System.nanoTime();
            List<UUID> seeded = DueSteps.seed(jdbc, workspace, scenario, "send", steps, firstDue, spread);
            if (Instant.now().isAfter(firstDue)) {
                note = " (seeding ended after the first due time: lateness includes it)";
            }
            System.out.printf(Locale.ROOT, "%s: %d steps seeded in %.1f s, due from %s over %s%n", name, seeded.size(),
                    (System.nanoTime() - started) / 1e9, firstDue, spread);
            expected = new HashSet<>();
            seeded.forEach(enrollment -> expected.add(DueSteps.requestId(enrollment, "send")));
            Instant deadline = firstDue.plus(spread).plus(Duration.ofMinutes(10));
            boolean killedYet = toKill == null;
            while (Instant.now().isBefore(deadline)) {
                int done = done();
                if (!killedYet && done >= steps / 3) {
                    int exit = toKill.kill();
                    note += String.format(Locale.ROOT, " instance a killed (exit %d) at %d of %d done", exit, done,
                            steps);
                    killedYet = true;
                }
                if (done == steps && commands.seen(workspace).keySet().containsAll(expected)) {
                    return;
                }
                Thread.sleep(250);
            }
            note += " (gave up waiting: see missed)";
        }

        String measure() {
            Map<String, Set<String>> seen = commands.seen(workspace);
            List<Double> lateness = commands.lateness(workspace);
            long missedOnKafka = expected.stream().filter(request -> !seen.containsKey(request)).count();
            long notDone = expected.size() - done();
            long duplicated = seen.values().stream().filter(ids -> ids.size() > 1).count();
            long stray = seen.keySet().stream().filter(request -> !expected.contains(request)).count();
            long redelivered = lateness.size() - seen.values().stream().mapToLong(Set::size).sum();
            Map<String, Object> figures = jdbc.queryForMap("""
                    SELECT count(*) AS steps, extract(epoch FROM max(s.done_at) - min(s.due_at)) AS seconds,
                           (SELECT max(c) FROM (SELECT count(*) c FROM planned_step WHERE workspace_id = ?
                             GROUP BY date_trunc('second', done_at)) x) AS peak
                      FROM planned_step s WHERE s.workspace_id = ? AND s.status = 'DONE'""", workspace, workspace);
            double seconds = ((Number) figures.get("seconds")).doubleValue();
            double[] sorted = lateness.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return String.format(Locale.ROOT, "| %s%s | %,d | %,.0f | %,d | %.0f / %.0f / %.0f ms | %d (%d not done) | %d"
                    + " | %d | %s / %s |", name, note, expected.size(), ((Number) figures.get("steps")).longValue()
                    / seconds, ((Number) figures.get("peak")).longValue(), percentile(sorted, 50),
                    percentile(sorted, 99), percentile(sorted, 100), missedOnKafka + stray, notDone, duplicated,
                    redelivered, cpuSince(a, cpuA), cpuSince(b, cpuB));
        }

        int done() {
            return jdbc.queryForObject("SELECT count(*) FROM planned_step WHERE workspace_id = ? AND status = 'DONE'",
                    Integer.class, workspace);
        }

        /** The CPU seconds the instance used in this run; a killed one's are lost with it. */
        static String cpuSince(ServiceProcess instance, Duration before) {
            return instance.isAlive() ? String.format(Locale.ROOT, "%.1f", cpu(instance).minus(before).toMillis()
                    / 1000.0) : "killed";
        }

        static Duration cpu(ServiceProcess instance) {
            return instance.isAlive() ? instance.cpuTime() : Duration.ZERO;
        }

        static double percentile(double[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    /** Reads communication.commands all the time, keeping per workspace each request's event ids and lateness. */
    static final class Commands implements AutoCloseable {

        private final Map<UUID, Map<String, Set<String>>> byWorkspace = new ConcurrentHashMap<>();
        private final Map<UUID, List<Double>> lateness = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean running = true;

        Commands(String bootstrap) {
            reader = Thread.ofPlatform().name("commands-reader").daemon().start(() -> {
                try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                        "bootstrap.servers", bootstrap, "group.id", "bench-" + UUID.randomUUID(),
                        "auto.offset.reset", "earliest", "max.poll.records", 2000),
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        new org.apache.kafka.common.serialization.StringDeserializer())) {
                    consumer.subscribe(List.of("communication.commands"));
                    while (running) {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                            try {
                                take(record.value(), record.timestamp());
                            } catch (RuntimeException unreadable) {
                                // counted as missing in the end; said here so a reader bug does not look like one
                                System.err.println("unreadable command: " + unreadable + ": " + record.value());
                            }
                        });
                    }
                }
            });
        }

        private synchronized void take(String value, long timestamp) {
            var event = JSON.readTree(value);
            UUID workspace = UUID.fromString(event.path("workspaceid").asString());
            var data = event.path("data");
            byWorkspace.computeIfAbsent(workspace, w -> new HashMap<>())
                    .computeIfAbsent(data.path("requestId").asString(), r -> new HashSet<>())
                    .add(event.path("id").asString());
            // notBefore: the step's due time, which the command carries
            lateness.computeIfAbsent(workspace, w -> new ArrayList<>())
                    .add((double) (timestamp - Instant.parse(data.path("notBefore").asString()).toEpochMilli()));
        }

        synchronized Map<String, Set<String>> seen(UUID workspace) {
            return new HashMap<>(byWorkspace.getOrDefault(workspace, Map.of()));
        }

        synchronized List<Double> lateness(UUID workspace) {
            return new ArrayList<>(lateness.getOrDefault(workspace, List.of()));
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            reader.join(Duration.ofSeconds(5));
        }
    }

    private TimersBenchmark() {
    }
}
