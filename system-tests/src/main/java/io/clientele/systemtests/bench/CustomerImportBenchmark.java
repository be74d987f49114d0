package io.clientele.systemtests.bench;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C-9 benchmark: a CSV file of a million customers imported end to end through the API of a running
 * customer-service (upload, reading and checking every row, matching, writing, the outbox events and
 * the timeline), and the same file copied into the same table with a plain {@code COPY} in psql, in
 * the same run and on an equally empty table. Run it with {@code system-tests/bench/customer-import.sh}.
 */
public final class CustomerImportBenchmark {

    static final UUID WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-00000000b002");
    static final UUID COPY_WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-00000000b003");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String HEADER = "first_name,last_name,email,phone,status,marketing_consent";

    /** What PostgreSQL wrote to its log during a run: bytes, full-page images, checkpoints asked for. */
    record Wal(long bytes, long fullPages, long checkpoints) {

        static Wal now(Psql psql) throws IOException, InterruptedException {
            String[] wal = psql.value("SELECT wal_bytes || '|' || wal_fpi || '|' || (SELECT checkpoints_req"
                    + " FROM pg_stat_bgwriter) FROM pg_stat_wal").split("\\|");
            return new Wal(Long.parseLong(wal[0]), Long.parseLong(wal[1]), Long.parseLong(wal[2]));
        }

        Wal since(Wal before) {
            return new Wal(bytes - before.bytes, fullPages - before.fullPages, checkpoints - before.checkpoints);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "WAL %,d MB (%,d full-page images), %d checkpoints", bytes / 1_000_000,
                    fullPages, checkpoints);
        }
    }

    /** One timed run. */
    record Run(String what, long rows, double seconds, String detail) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        String database = options.getOrDefault("database", "customer_import_bench");
        int port = Integer.parseInt(options.getOrDefault("port", "18082"));
        String[] jvmOptions = options.getOrDefault("service-jvm", "-Xms1g -Xmx1g").split(" ");
        boolean dryRun = !"false".equals(options.get("dry-run"));
        Path target = Files.createDirectories(Path.of("system-tests/target"));
        Path report = Path.of(options.getOrDefault("report", "system-tests/target/customer-import-benchmark.md"));
        Path file = target.resolve("customers-" + rows + ".csv");
        generate(file, rows);

        Psql admin = new Psql("127.0.0.1", 5432, "postgres", "postgres");
        admin.run("DROP DATABASE IF EXISTS " + database + " WITH (FORCE);\nCREATE DATABASE " + database + ";\n");
        Psql psql = new Psql("127.0.0.1", 5432, "postgres", database);
        String secret = TestTokens.newSecret();
        Path log = target.resolve("customer-service-import-bench.log");
        List<Run> runs = new ArrayList<>();

        // The import writes its events to the outbox in its transactions; publishing them to Kafka is
        // the relay's work afterwards, so the service runs without a broker and with the relay off.
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar("customer-service"), port, Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9",
                "CLIENTELE_OUTBOX_RELAY_ENABLED", "false",
                "LOGGING_LEVEL_IO_CLIENTELE", options.getOrDefault("service-log", "INFO"),
                "CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret), log, jvmOptions)) {
            service.awaitReady(Duration.ofMinutes(3));
            String token = new HmacTokenMinter(secret).mint(WORKSPACE, "bench", Duration.ofHours(2), "STAFF");

            // Each run on an equally empty table: the baseline, the import, then the dry run (a dry run
            // rolls its writes back, leaving dead rows that would slow whatever runs next until vacuumed).
            Wal before = Wal.now(psql);
            runs.add(withWal(plainCopy(psql, file, rows), psql, before));
            empty(psql);
            before = Wal.now(psql);
            runs.add(withWal(importThroughApi(port, token, file, rows, false), psql, before));
            check(psql, rows);
            String written = written(psql);
            if (dryRun) {
                empty(psql);
                before = Wal.now(psql);
                runs.add(withWal(importThroughApi(port, token, file, rows, true), psql, before));
                check(psql, 0);
            }
            String markdown = report(rows, file, runs, written);
            Files.writeString(report, markdown);
            System.out.println(markdown);
        }
    }

    /**
     * The baseline: psql's \copy of the same file into the customer table, the columns the file lacks
     * defaulted. Its ids ascend like the import's time-ordered ones, so neither pays for random inserts
     * into the primary key the other is spared.
     */
    static Run plainCopy(Psql psql, Path file, int rows) throws IOException, InterruptedException {
        psql.run("""
                CREATE SEQUENCE IF NOT EXISTS bench_copy_id;
                ALTER TABLE customer ALTER id SET DEFAULT lpad(to_hex(nextval('bench_copy_id')), 32, '0')::uuid,
                    ALTER workspace_id SET DEFAULT '%s', ALTER customer_type SET DEFAULT 'CONTACT',
                    ALTER source SET DEFAULT 'IMPORT', ALTER stage SET DEFAULT 'CURRENT',
                    ALTER created_at SET DEFAULT now(), ALTER updated_at SET DEFAULT now();
                CHECKPOINT;
                """.formatted(COPY_WORKSPACE));
        long started = System.nanoTime();
        psql.run("\\copy customer (first_name, last_name, email, phone, status, subscription_state) FROM '"
                + file.toAbsolutePath() + "' WITH (FORMAT csv, HEADER true)\n");
        double seconds = (System.nanoTime() - started) / 1e9;
        String count = psql.value("SELECT count(*) FROM customer WHERE workspace_id = '" + COPY_WORKSPACE + "'");
        if (Long.parseLong(count) != rows) {
            throw new IllegalStateException("plain COPY wrote " + count + " rows, not " + rows);
        }
        psql.run("""
                ALTER TABLE customer ALTER id DROP DEFAULT, ALTER workspace_id DROP DEFAULT,
                    ALTER customer_type DROP DEFAULT, ALTER source DROP DEFAULT, ALTER stage DROP DEFAULT,
                    ALTER created_at DROP DEFAULT, ALTER updated_at DROP DEFAULT;
                """);
        System.out.printf(Locale.ROOT, "plain COPY: %d rows in %.1f s%n", rows, seconds);
        return new Run("plain `COPY` of the file into `customer` (psql `\\copy`)", rows, seconds,
                "every index of the table maintained, as in the import");
    }

    static Run withWal(Run run, Psql psql, Wal before) throws IOException, InterruptedException {
        Wal wal = Wal.now(psql).since(before);
        System.out.println("  " + wal);
        return new Run(run.what(), run.rows(), run.seconds(), run.detail() + "; " + wal);
    }

    /** Leaves the customer tables as empty as they were before the baseline, for the import. */
    static void empty(Psql psql) throws IOException, InterruptedException {
        psql.run("TRUNCATE customer, timeline_entry, customer_status_change, customer_import_change,"
                + " customer_import_rejection, customer_import CASCADE;\nTRUNCATE platform.outbox_event;\n"
                + "VACUUM ANALYZE customer;\nCHECKPOINT;\n");
    }

    static Run importThroughApi(int port, String token, Path file, int rows, boolean dryRun) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/imports?fileName=" + file.getFileName() + "&dryRun=" + dryRun))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double uploaded = (System.nanoTime() - started) / 1e9;
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = JSON.readTree(accepted.body()).get("id").asString();
        JsonNode view;
        while (true) {
            view = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/imports/" + id)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String status = view.get("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!view.get("status").asString().equals("COMPLETED")) {
            throw new IllegalStateException("the import failed: " + view);
        }
        JsonNode progress = view.get("progress");
        if (progress.get("created").asLong() != rows || progress.get("rejected").asLong() != 0) {
            throw new IllegalStateException("unexpected counts: " + progress);
        }
        System.out.printf(Locale.ROOT, "%s: %d rows in %.1f s (upload answered after %.1f s)%n",
                dryRun ? "dry run" : "import", rows, seconds, uploaded);
        return new Run(dryRun ? "dry run through the API (reads, checks and matches; writes only to a temporary table)"
                : "import through the API, upload to COMPLETED", rows, seconds,
                String.format(Locale.ROOT, "upload answered 202 after %.1f s; created %d, rejected %d", uploaded,
                        progress.get("created").asLong(), progress.get("rejected").asLong()));
    }

    static void check(Psql psql, int expected) throws IOException, InterruptedException {
        String customers = psql.value("SELECT count(*) FROM customer WHERE workspace_id = '" + WORKSPACE + "'");
        if (Long.parseLong(customers) != expected) {
            throw new IllegalStateException("expected " + expected + " customers, found " + customers);
        }
    }

    /**
     * A file like a salon's client export: Czech names with diacritics, unique e-mails, E.164 phones
     * (so that a plain COPY can take it as it is), statuses and consents.
     */
    static void generate(Path file, int rows) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        String[] first = {"Jana", "Petr", "Eva", "Tomáš", "Lucie", "Martin", "Kateřina", "Jiří", "Marie", "Jan",
                "Zuzana", "Ondřej", "Ивана", "Георги"};
        String[] last = {"Nováková", "Dvořák", "Svoboda", "Černá", "Procházka", "Kučera", "Veselý", "Horáková",
                "Němec", "Marková", "Иванова", "Петров"};
        // Czech mobile prefixes: numbers libphonenumber takes as valid, as real ones are
        int[] prefixes = {601, 602, 603, 604, 605, 606, 607, 608, 702, 704, 705, 720, 721, 722, 723, 724, 725, 728,
                730, 731, 732, 733, 734, 736, 737, 739, 770, 771, 773, 774, 775, 776, 777, 778, 779, 790, 792, 797};
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                String firstName = first[random.nextInt(first.length)];
                String lastName = last[random.nextInt(last.length)] + (i % 3 == 0 ? "" : " " + (char) ('A' + i % 26));
                out.write(firstName + "," + lastName + ",client" + i + "." + random.nextInt(100_000) + "@example.cz,"
                        + "+420" + prefixes[random.nextInt(prefixes.length)] + String.format("%06d", random.nextInt(1_000_000))
                        + ","
                        + (random.nextInt(4) == 0 ? "REGULAR" : "NEW") + ","
                        + (random.nextBoolean() ? "SUBSCRIBED" : "UNSUBSCRIBED") + "\n");
            }
        }
    }

    static String written(Psql psql) throws IOException, InterruptedException {
        return "What the import wrote besides the customers: "
                + psql.value("SELECT count(*) FROM platform.outbox_event") + " outbox events, "
                + psql.value("SELECT count(*) FROM customer_status_change") + " status history rows, "
                + psql.value("SELECT count(*) FROM customer_import_change") + " undo-log rows (which also tell the"
                + " timeline), " + psql.value("SELECT count(*) FROM timeline_entry") + " timeline rows.\n";
    }

    static String report(int rows, Path file, List<Run> runs, String written) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d rows, %.1f MB CSV (`%s`)%n%n", rows, Files.size(file) / 1e6,
                file.getFileName()));
        md.append("| run | time | rows/s | notes |\n|---|---:|---:|---|\n");
        for (Run run : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f s | %,.0f | %s |%n", run.what(), run.seconds(),
                    run.rowsPerSecond(), run.detail()));
        }
        Run copy = runs.get(0);
        Run imported = runs.get(1);
        md.append(String.format(Locale.ROOT, "%nImport speed against plain COPY: %.2fx (target >= 0.5x).%n%n",
                copy.seconds() / imported.seconds()));
        md.append(written);
        return md.toString();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
