package io.clientele.systemtests.bench;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * B-1 to B-4 benchmark: partner reservation events through customer-service on a real broker (the
 * embedded KRaft broker, in this process). Each event is read, checked against the contract,
 * de-duplicated by the inbox, its customer resolved (partner id, e-mail, phone, or created), the
 * reservation stored, the timeline written and reservation.recorded.v1 put in the outbox, whose relay
 * publishes it. Three figures:
 * <ol>
 *   <li>sustained events/s: a backlog of events on the topic, consumed from a standing start, beside a floor
 *       measured in the same run (the rows it left written again by plain batched INSERTs);</li>
 *   <li>lag at a steady 500 events/s on a quiet system (the backlog applied and every event it caused
 *       relayed): from handing an event to Kafka until its reservation is committed, on every 5th event,
 *       watched by one query every 10 ms for all open samples ({@link Visibility}); every 100th is also
 *       asked of the API until it shows it, as a cross-check that costs the system little;</li>
 *   <li>the same lag behind a burst: a burst of events put on the topic at once, the stream right behind it.</li>
 * </ol>
 * While the backlog is applied and during the quiet stream, what PostgreSQL's sessions wait on is sampled
 * ({@link WaitEvents}), and where pg_stat_statements is loaded, the statements that took the time.
 * Run it with {@code system-tests/bench/booking-events.sh}.
 */
public final class BookingEventsBenchmark {

    static final UUID WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-00000000b004");
    static final String TOPIC = "booking.reservations";
    static final String PARTNER = "/partners/bench";
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How often progress is read: each read is a psql process and a fresh server backend, not free on 2 cores. */
    static final int POLL_MILLIS = 500;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CustomerImportBenchmark.options(args);
        int backlog = Integer.parseInt(options.getOrDefault("backlog", "200000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int burst = Integer.parseInt(options.getOrDefault("burst", "30000"));
        String database = options.getOrDefault("database", "customer_booking_bench");
        int port = Integer.parseInt(options.getOrDefault("port", "18083"));
        String[] jvmOptions = options.getOrDefault("service-jvm", "-Xms1g -Xmx1g").split(" ");
        int analyzeEvery = Integer.parseInt(options.getOrDefault("analyze-every", "30"));
        Path report = Path.of(options.getOrDefault("report", "system-tests/target/booking-events-benchmark.md"));
        Path log = Files.createDirectories(report.toAbsolutePath().getParent()).resolve("customer-service-booking-bench.log");

        Psql admin = new Psql("127.0.0.1", 5432, "postgres", "postgres");
        admin.run("DROP DATABASE IF EXISTS " + database + " WITH (FORCE);\nCREATE DATABASE " + database + ";\n");
        Psql psql = new Psql("127.0.0.1", 5432, "postgres", database);
        String secret = TestTokens.newSecret();
        Random random = new Random(11);
        StringBuilder md = new StringBuilder();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(6);
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new StringSerializer())) {
            // 1. A backlog waiting on the topic before customer-service starts: new reservations of a
            // pool of customers (the first event of each creates the customer), then their changes.
            long produceStarted = System.nanoTime();
            List<String[]> booked = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                String type;
                String[] reservation;
                if (booked.size() < 100 || random.nextInt(100) < 60) {
                    type = "created";
                    reservation = new String[] {"R-" + i, "C-" + random.nextInt(customers)};
                    booked.add(reservation);
                } else {
                    int kind = random.nextInt(40);
                    type = kind < 15 ? "rescheduled" : kind < 25 ? "cancelled" : "completed";
                    reservation = booked.get(random.nextInt(booked.size()));
                }
                producer.send(record(type, reservation[0], reservation[1], Instant.now()));
            }
            producer.flush();
            System.out.printf(Locale.ROOT, "%d events on %s in %.1f s%n", backlog, TOPIC,
                    (System.nanoTime() - produceStarted) / 1e9);

            String statements = PgStatements.reset(psql);
            try (Autovacuum autovacuum = Autovacuum.every(psql, analyzeEvery);
                    ServiceProcess service = ServiceProcess.start(ServiceProcess.jar("customer-service"), port, Map.of(
                    "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                    "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "LOGGING_LEVEL_IO_CLIENTELE", options.getOrDefault("service-log", "INFO"),
                    "CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret), log, jvmOptions)) {
                service.awaitReady(Duration.ofMinutes(3));
                double[] window;
                String backlogWaits;
                Duration backlogCpu;
                try (WaitEvents waits = WaitEvents.of(database)) {
                    Duration cpuBefore = service.cpuTime();
                    window = awaitApplied(psql, backlog, Duration.ofMinutes(20));
                    backlogCpu = service.cpuTime().minus(cpuBefore);
                    backlogWaits = waits.describe();
                }
                double sustained = backlog / (window[1] - window[0]);
                System.out.printf(Locale.ROOT, "backlog: %d events applied in %.1f s: %.0f events/s%n", backlog,
                        window[1] - window[0], sustained);
                double relayed = awaitRelayed(psql, Duration.ofMinutes(20)) - window[0];
                System.out.printf(Locale.ROOT, "backlog: the events it caused relayed to customer.events %.1f s after"
                        + " the first was applied%n", relayed);
                String topStatements = PgStatements.top(psql, statements);
                String counts = psql.value("SELECT (SELECT count(*) FROM customer) || ' customers, ' ||"
                        + " (SELECT count(*) FROM reservation) || ' reservations, ' || (SELECT count(*) FROM"
                        + " timeline_entry) || ' timeline entries'");

                // The floor: the rows the backlog left, written again by plain batched INSERTs, same server.
                WriteFloor.Result floor = WriteFloor.measure(database, List.of("platform.inbox_event", "customer",
                        "customer_identity", "reservation", "timeline_entry", "customer_status_change"));
                double floorRate = backlog / floor.seconds();
                System.out.printf(Locale.ROOT, "floor: %,d rows by batched INSERT in %.1f s (%.0f events/s); the service"
                        + " at %.2fx of it%n", floor.rows(), floor.seconds(), floorRate, sustained / floorRate);

                // 2. A steady 500 events/s of new reservations for customers the service knows, on a quiet
                // system: the backlog applied and every event it caused relayed.
                List<String[]> known = knownCustomers(psql);
                String token = new HmacTokenMinter(secret).mint(WORKSPACE, "bench", Duration.ofHours(2), "STAFF");
                warmUp(port, token, known, random);
                Lags quietLags;
                Latencies quiet;
                String quietWaits;
                try (WaitEvents waits = WaitEvents.of(database)) {
                    quietLags = steady(producer, port, token, known, rate, seconds, random, database);
                    quiet = Latencies.of(quietLags.committed());
                    quietWaits = waits.describe();
                }
                System.out.printf(Locale.ROOT, "quiet, %d/s: lag p50 %.0f p95 %.0f p99 %.0f max %.0f ms (%d samples)%n",
                        rate, quiet.p50(), quiet.p95(), quiet.p99(), quiet.max(), quiet.count());

                // 3. The same stream while a burst drains: the burst goes on the topic at once, the stream
                // right behind it on the same partitions.
                awaitRelayed(psql, Duration.ofMinutes(10));
                for (int i = 0; i < burst; i++) {
                    String[] customer = known.get(random.nextInt(known.size()));
                    producer.send(record("created", "B-" + i + "-" + UUID.randomUUID(), customer[1], Instant.now()));
                }
                Lags drainingLags = steady(producer, port, token, known, rate, seconds, random, database);
                Latencies draining = Latencies.of(drainingLags.committed());
                Latencies quietApi = Latencies.of(quietLags.api());
                Latencies drainingApi = Latencies.of(drainingLags.api());
                System.out.printf(Locale.ROOT, "behind a burst of %d, %d/s: lag p50 %.0f p95 %.0f p99 %.0f max %.0f ms%n",
                        burst, rate, draining.p50(), draining.p95(), draining.p99(), draining.max());
                System.out.printf(Locale.ROOT, "API cross-check: quiet p50 %.0f p99 %.0f max %.0f ms (%d samples);"
                        + " behind the burst p50 %.0f p99 %.0f max %.0f ms (%d samples)%n", quietApi.p50(),
                        quietApi.p99(), quietApi.max(), quietApi.count(), drainingApi.p50(), drainingApi.p99(),
                        drainingApi.max(), drainingApi.count());

                md.append(String.format(Locale.ROOT, """
                        | figure | measured | target |
                        |---|---:|---:|
                        | sustained events/s (a backlog of %,d events, consumed from a standing start) | %,.0f | >= 3,000 |
                        | floor: the same rows by plain batched INSERT, as events/s | %,.0f | |
                        | service / floor | %.2fx | |
                        | quiet system, lag at %d events/s, publish to committed (visible to every reader): p50 | %.0f ms | |
                        | quiet: lag p95 | %.0f ms | |
                        | quiet: lag p99 | %.0f ms | <= 1,000 ms |
                        | quiet: lag max | %.0f ms | |
                        | behind a burst of %,d events: lag p50 / p95 / p99 / max | %.0f / %.0f / %.0f / %.0f ms | |
                        | API cross-check (every 100th event until the API shows it), quiet: p50 / p99 / max | %.0f / %.0f / %.0f ms | |
                        | API cross-check behind the burst: p50 / p99 / max | %.0f / %.0f / %.0f ms | |

                        Backlog: %s; applied in %.1f s with %.1f s of service CPU (%.2f ms an event); the customer.events
                        they caused all relayed to Kafka %.1f s after the first booking event was applied.
                        Floor: %,d rows (%s) in %.1f s of inserts. Lag: every 5th event, %d samples over %d s on a quiet
                        system (the backlog applied and relayed), %d behind the burst; the API was asked for every 100th
                        (%d and %d samples). Statistics: %s.

                        PostgreSQL while the backlog was applied: %s.
                        PostgreSQL during the quiet stream: %s.

                        %s
                        """, backlog, sustained, floorRate, sustained / floorRate, rate, quiet.p50(), quiet.p95(),
                        quiet.p99(), quiet.max(), burst, draining.p50(), draining.p95(), draining.p99(), draining.max(),
                        quietApi.p50(), quietApi.p99(), quietApi.max(), drainingApi.p50(), drainingApi.p99(),
                        drainingApi.max(),
                        counts, window[1] - window[0], backlogCpu.toMillis() / 1000.0,
                        backlogCpu.toMillis() / (double) backlog, relayed, floor.rows(), floor.tables(), floor.seconds(),
                        quiet.count(), seconds, draining.count(), quietApi.count(), drainingApi.count(),
                        autovacuum.describe(), backlogWaits, quietWaits,
                        topStatements));
            }
        }
        Files.writeString(report, md.toString());
        System.out.println(md);
    }

    /**
     * @return when the first and the last of {@code expected} events had been applied, in seconds. Counting
     *         the inbox exactly costs a scan of a growing table (100 ms at 200,000 rows, on the cores the
     *         service needs), so it is counted exactly only at the start and near the end; in between,
     *         PostgreSQL's own insert counter (flushed about once a second) says how far it is.
     */
    static double[] awaitApplied(Psql psql, long expected, Duration timeout) throws Exception {
        String applied = "SELECT count(*) FROM platform.inbox_event WHERE consumer = 'customer-service:booking.reservations'";
        String estimate = "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = 'platform'"
                + " AND relname = 'inbox_event'";
        long deadline = System.nanoTime() + timeout.toNanos();
        double first = -1;
        while (System.nanoTime() < deadline) {
            boolean exact = first < 0 || Long.parseLong(psql.value(estimate)) >= expected * 9 / 10;
            if (exact) {
                long count = Long.parseLong(psql.value(applied));
                double now = System.nanoTime() / 1e9;
                if (count > 0 && first < 0) {
                    first = now;
                }
                if (count >= expected) {
                    return new double[] {first, now};
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("not every event was applied within " + timeout);
    }

    /** @return when the outbox had nothing left to relay, in seconds */
    static double awaitRelayed(Psql psql, Duration timeout) throws Exception {
        String pending = "SELECT count(*) FROM platform.outbox_event WHERE published_at IS NULL AND failed_at IS NULL";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Long.parseLong(psql.value(pending)) == 0) {
                return System.nanoTime() / 1e9;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("the outbox was not relayed within " + timeout);
    }

    /** Customers created by the backlog, with their partner ids: {customer id, partner customer id}. */
    static List<String[]> knownCustomers(Psql psql) throws Exception {
        List<String[]> known = new ArrayList<>();
        for (String line : psql.value("SELECT customer_id || ',' || external_id FROM customer_identity LIMIT 5000")
                .lines().toList()) {
            known.add(line.split(","));
        }
        return known;
    }

    /** Lags in milliseconds: to committed (every 5th event, read from the database) and to the API (every 100th). */
    record Lags(List<Double> committed, List<Double> api) {
    }

    /**
     * Publishes new reservations at {@code rate} per second for {@code seconds}. Every 5th is watched until
     * it is committed ({@link Visibility}: one query every 10 ms for all of them); every 100th is also asked
     * of the API until it shows it, to check that the API sees what is committed as soon.
     */
    static Lags steady(KafkaProducer<String, String> producer, int port, String token, List<String[]> known,
            int rate, int seconds, Random random, String database) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> apiLags = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> checks = new ArrayList<>();
        List<Double> committed;
        try (Visibility visibility = Visibility.of(database, WORKSPACE, PARTNER);
                ExecutorService checkers = Executors.newVirtualThreadPerTaskExecutor()) {
            long started = System.nanoTime();
            long total = (long) rate * seconds;
            for (long i = 0; i < total; i++) {
                long due = started + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String[] customer = known.get(random.nextInt(known.size()));
                String reservation = "S-" + i + "-" + UUID.randomUUID();
                long published = System.nanoTime();
                producer.send(record("created", reservation, customer[1], Instant.now()));
                if (i % 5 == 0) {
                    visibility.expect(reservation, published);
                }
                if (i % 100 == 0) {
                    checks.add(checkers.submit(() -> {
                        apiLags.add(awaitVisible(http, port, token, customer[0], reservation, published));
                        return null;
                    }));
                }
            }
            committed = visibility.awaitAll(Duration.ofMinutes(2));
            for (Future<?> check : checks) {
                check.get(2, TimeUnit.MINUTES);
            }
        }
        return new Lags(committed, new ArrayList<>(apiLags));
    }

    /**
     * Asks the API what the measurement will ask, a few hundred times, before measuring: a service that has
     * run for a while has its code compiled and its pools filled; the first requests after a start do not
     * say how fast the running system is.
     */
    static void warmUp(int port, String token, List<String[]> known, Random random) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 500; i++) {
            String customer = known.get(random.nextInt(known.size()))[0];
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/" + customer
                    + "/reservations")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    static double awaitVisible(HttpClient http, int port, String token, String customer, String reservation,
            long published) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/"
                + customer + "/reservations")).header("Authorization", "Bearer " + token).build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"" + reservation + "\"")) {
                return (System.nanoTime() - published) / 1e6;
            }
            if (System.nanoTime() - published > TimeUnit.SECONDS.toNanos(60)) {
                throw new IllegalStateException("reservation " + reservation + " not visible after 60 s");
            }
            // Every 25 ms for the first second, then every 100 ms: a reading is never earlier than the truth,
            // and with one sample in a hundred events the requests stay a few dozen a second.
            long waited = (System.nanoTime() - published) / 1_000_000;
            Thread.sleep(waited < 1_000 ? 25 : 100);
        }
    }

    static ProducerRecord<String, String> record(String kind, String reservation, String partnerCustomer, Instant at) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", PARTNER)
                .put("type", "booking.reservation-" + kind + ".v1").put("time", at.toString())
                .put("subject", reservation).put("workspaceid", WORKSPACE.toString())
                .put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        Instant start = at.plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        data.putObject("reservation").put("externalId", reservation).put("service", "Střih a foukaná")
                .put("staff", "Eva").put("location", "Salon Lilie").put("startsAt", start.toString())
                .put("endsAt", start.plus(1, ChronoUnit.HOURS).toString())
                .put("reason", kind.equals("cancelled") ? "ill" : null);
        String n = partnerCustomer.substring(2);
        data.putObject("customer").put("externalId", partnerCustomer).put("firstName", "Klientka")
                .put("lastName", "Číslo " + n).put("email", "klientka" + n + "@example.cz")
                .put("phone", "+420 777 " + String.format("%06d", Integer.parseInt(n) % 1_000_000))
                .put("language", "cs").put("marketingConsent", Integer.parseInt(n) % 2 == 0);
        return new ProducerRecord<>(TOPIC, reservation, event.toString());
    }
}
