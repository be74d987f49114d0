package io.clientele.systemtests.bench;

import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * O-4 under load: order-link-service and the gateway started from their jars, a catalog of 500 products,
 * and 200 customers, each opening their page through the gateway ({@code --via=direct}: straight to the
 * service) and ordering, every order form sent twice (a double click), in rounds. Within a round the
 * customers open their pages all at the same instant ({@code --spread-ms=0}, the default: a burst) or at
 * random moments within {@code --spread-ms} of its start, as people opening a link they were sent do. Measures the page's latency, the submissions' latency, orders per
 * second, and counts duplicates (orders beyond one per form: must be zero). Run it with
 * {@code system-tests/bench/order-page.sh}.
 */
public final class OrderPageBenchmark {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    static final Pattern QUANTITY = Pattern.compile("name=\"qty_([0-9a-f-]{36})\"");
    static int thinkMin;
    static int thinkMax;
    /** each customer opens their page at a random moment within this many ms of the round's start; 0: all at once */
    static int spreadMillis;
    /** answers that were not a page or an order ("page 504", "submission 503"...): counted, not fatal */
    static final Map<String, Integer> FAILURES = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** forms whose submission answered with the order's Location (at either click) */
    static final java.util.concurrent.atomic.AtomicInteger FORMS_ANSWERED = new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CustomerImportBenchmark.options(args);
        int customers = Integer.parseInt(options.getOrDefault("customers", "200"));
        int products = Integer.parseInt(options.getOrDefault("products", "500"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        // a customer's time between opening the page and sending the form (filling the cart), in ms;
        // 0-0 is a closed loop at full speed: what the service can take at most, not what customers do
        String[] think = options.getOrDefault("think-ms", "0-0").split("-");
        thinkMin = Integer.parseInt(think[0]);
        thinkMax = Integer.parseInt(think[1]);
        // 0: every customer opens the page at the same instant (a burst, the worst case); otherwise each opens it
        // at a random moment within this many ms of the round's start, as customers reading a link sent to them do
        spreadMillis = Integer.parseInt(options.getOrDefault("spread-ms", "0"));
        // through the gateway (as customers reach the page: its rate limit per link, its filters) or directly
        boolean viaGateway = !options.getOrDefault("via", "gateway").equals("direct");
        int gatewayPort = Integer.parseInt(options.getOrDefault("gateway-port", "18085"));
        String database = options.getOrDefault("database", "orderlink_page_bench");
        int port = Integer.parseInt(options.getOrDefault("port", "18084"));
        String[] jvmOptions = options.getOrDefault("service-jvm", "-Xms512m -Xmx1g").split(" ");
        Path report = Path.of(options.getOrDefault("report", "system-tests/target/order-page-benchmark.md"));
        Path log = Files.createDirectories(report.toAbsolutePath().getParent()).resolve("order-link-service-bench.log");

        Psql admin = new Psql("127.0.0.1", 5432, "postgres", "postgres");
        admin.run("DROP DATABASE IF EXISTS " + database + " WITH (FORCE);\nCREATE DATABASE " + database + ";\n");
        Psql psql = new Psql("127.0.0.1", 5432, "postgres", database);
        String secret = TestTokens.newSecret();
        UUID workspace = UUID.randomUUID();
        Random random = new Random(16);

        try (EmbeddedKafka kafka = EmbeddedKafka.start(6);
                ServiceProcess service = ServiceProcess.start(ServiceProcess.jar("order-link-service"), port, Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/" + database,
                        "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", options.getOrDefault("pool", "20"),
                        "CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret), log, jvmOptions)) {
            service.awaitReady(Duration.ofMinutes(3));
            String base = "http://localhost:" + port;
            // The gateway as deployed, with the local Redis for its limits (the public page's: per link).
            ServiceProcess gateway = viaGateway ? ServiceProcess.start(ServiceProcess.jar("gateway"), gatewayPort, Map.of(
                    "CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret,
                    "CLIENTELE_SERVICES_ORDER_LINK_URL", base,
                    "SPRING_DATA_REDIS_HOST", System.getenv().getOrDefault("CLIENTELE_REDIS_HOST", "127.0.0.1"),
                    "SPRING_DATA_REDIS_PORT", System.getenv().getOrDefault("CLIENTELE_REDIS_PORT", "6379")),
                    log.resolveSibling("gateway-order-page-bench.log"), jvmOptions) : null;
            if (gateway != null) {
                gateway.awaitReady(Duration.ofMinutes(3));
            }
            String pageBase = viaGateway ? "http://localhost:" + gatewayPort : base;
            try (AutoCloseable stopGateway = () -> { if (gateway != null) gateway.close(); }) {
            String token = new HmacTokenMinter(secret).mint(workspace, "bench", Duration.ofHours(2), "OWNER");
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

            // customers, as customer-service announces them
            List<UUID> ids = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < customers; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    producer.send(new ProducerRecord<>("customer.events", id.toString(), customerCreated(workspace, id, i)));
                }
            }
            awaitCount(psql, "SELECT count(*) FROM customer", customers, Duration.ofMinutes(2));

            // the catalog: one CSV import of 500 products in 10 categories
            StringBuilder csv = new StringBuilder("sku;name;description;category;price_CZK;price_EUR\n");
            for (int i = 0; i < products; i++) {
                csv.append("P-").append(i).append(";Výrobek ").append(i).append(";Popis výrobku ").append(i)
                        .append(", balení po ").append(1 + i % 50).append(" ks;Kategorie ").append(i % 10).append(';')
                        .append(1 + random.nextInt(5000)).append(',').append(random.nextInt(100)).append(';')
                        .append(random.nextInt(200)).append('.').append(random.nextInt(10)).append("0\n");
            }
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/catalog/imports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("catalog import: " + imported.statusCode() + " " + imported.body().substring(0,
                    Math.min(200, imported.body().length())));

            // a link per customer (tokens kept only here)
            List<String> pages = new ArrayList<>();
            for (UUID id : ids) {
                HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/" + id
                        + "/quick-order-link")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                pages.add(pageBase + "/q/" + JSON.readTree(link.body()).get("token").asString());
            }

            System.out.println("warm-up: one round");
            // spread over 20 s however the measured rounds arrive: 200 cold pages at once only measure the JIT
            int measuredSpread = spreadMillis;
            spreadMillis = Math.max(spreadMillis, 20_000);
            runRound(http, pages, new Random(1), new ArrayList<>(), new ArrayList<>());
            spreadMillis = measuredSpread;
            FAILURES.clear();
            FORMS_ANSWERED.set(0);
            long ordersBefore = Long.parseLong(psql.value("SELECT count(*) FROM customer_order").strip());

            List<Double> pageMillis = Collections.synchronizedList(new ArrayList<>());
            List<Double> submitMillis = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            int forms = 0;
            for (int round = 0; round < rounds; round++) {
                forms += runRound(http, pages, new Random(100 + round), pageMillis, submitMillis);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long orders = Long.parseLong(psql.value("SELECT count(*) FROM customer_order").strip()) - ordersBefore;
            long duplicates = Long.parseLong(psql.value("SELECT count(*) - count(DISTINCT (link_id, idempotency_key))"
                    + " FROM customer_order").strip());

            // What one page costs the service itself: every customer's page once, one after another, in passes
            // until the JIT compiler is quiet (under 2 % of two passes in a row spent compiling, as in a service
            // that has run for a while), then one measured pass: the service process's CPU time (all its
            // threads) before and after, less what it burns idle meanwhile (Kafka polling, the outbox relay).
            int passes = 0;
            int quiet = 0;
            while (passes < 15 && quiet < 2) {
                Duration compiledBefore = service.compilationTime();
                long t0 = System.nanoTime();
                pagesAlone(http, pages, new ArrayList<>());
                double compiling = (double) service.compilationTime().minus(compiledBefore).toNanos()
                        / (System.nanoTime() - t0);
                quiet = compiling < 0.02 ? quiet + 1 : 0;
                passes++;
            }
            Duration idleBefore = service.cpuTime();
            Thread.sleep(3000);
            double idlePerMilli = (service.cpuTime().minus(idleBefore).toNanos() / 1e6) / 3000;
            List<Double> alonePageMillis = new ArrayList<>();
            Duration cpuBefore = service.cpuTime();
            long aloneStarted = System.nanoTime();
            long pageBytes = pagesAlone(http, pages, alonePageMillis);
            double aloneMillis = (System.nanoTime() - aloneStarted) / 1e6;
            double cpuPerPage = (service.cpuTime().minus(cpuBefore).toNanos() / 1e6 - idlePerMilli * aloneMillis)
                    / pages.size();
            Latencies alone = Latencies.of(alonePageMillis);

            Latencies page = Latencies.of(pageMillis);
            Latencies submit = Latencies.of(submitMillis);
            String result = String.format(Locale.ROOT, """
                    ## Order page benchmark (%s)

                    %d customers at once, %d products (catalog: %s), %d measured rounds after one warm-up round; each
                    round every customer opens their page, thinks %d-%d ms and sends one order form twice (a double
                    click); customers open their pages %s. %s, JVM %s.

                    | what | count | p50 ms | p95 ms | p99 ms | max ms |
                    |---|---:|---:|---:|---:|---:|
                    | page (GET /q/{token}) | %d | %.1f | %.1f | %.1f | %.1f |
                    | order submission (POST, each form twice) | %d | %.1f | %.1f | %.1f | %.1f |

                    %d forms in %.1f s: %.0f orders/s placed (%d orders; %d forms answered with their order), %d
                    duplicates (orders beyond one per form). Answers that were neither a page nor an order: %s.

                    Pages one at a time afterwards (%d, each customer's once, after %d warm-up passes): p50 %.1f ms,
                    p95 %.1f ms; the service's CPU time %.2f ms per page (all its threads, less %.2f ms/s it uses
                    idle); %.0f KB of HTML per page (uncompressed).
                    """, Instant.now(), customers, products, imported.statusCode() == 200 ? "imported" : "IMPORT FAILED",
                    rounds, thinkMin, thinkMax,
                    spreadMillis == 0 ? "all at the same instant" : "at random moments within " + spreadMillis
                            + " ms of the round's start",
                    viaGateway ? "Through the gateway (port " + gatewayPort + ", its per-link rate limit in the local Redis) to"
                            + " order-link-service on port " + port : "Against order-link-service directly on port " + port
                            + " (not through the gateway)", String.join(" ", jvmOptions), page.count(), page.p50(), page.p95(), page.p99(),
                    page.max(), submit.count(), submit.p50(), submit.p95(), submit.p99(), submit.max(), forms, seconds,
                    orders / seconds, orders, FORMS_ANSWERED.get(), duplicates, FAILURES.isEmpty() ? "none" : FAILURES, alone.count(), passes, alone.p50(), alone.p95(), cpuPerPage,
                    idlePerMilli * 1000,
                    pageBytes / 1024.0 / pages.size());
            System.out.println(result);
            Files.writeString(report, result);
            // every form answered with its order placed one; a form refused at both clicks (the gateway's 503
            // or 504 under overload) may have placed one or none, never two
            if (orders < FORMS_ANSWERED.get() || orders > forms || duplicates != 0) {
                System.err.println("FAILED: " + forms + " forms (" + FORMS_ANSWERED.get() + " answered) placed "
                        + orders + " orders, " + duplicates + " duplicates");
                System.exit(1);
            }
            }
        }
    }

    /** Every customer's page once, one after another; the HTML's bytes. */
    static long pagesAlone(HttpClient http, List<String> pages, List<Double> millis) throws Exception {
        long bytes = 0;
        for (String page : pages) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> opened = http.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            // a breaker the rounds opened stays open for a while: wait for it to close, unmeasured
            for (int wait = 0; opened.statusCode() == 503 && wait < 120; wait++) {
                Thread.sleep(1000);
                t0 = System.nanoTime();
                opened = http.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            millis.add((System.nanoTime() - t0) / 1e6);
            if (opened.statusCode() != 200) {
                throw new IllegalStateException("page answered " + opened.statusCode());
            }
            bytes += opened.body().length;
        }
        return bytes;
    }

    /** Every customer at once: open the page, fill 1 to 8 random products, send the form twice. */
    static int runRound(HttpClient http, List<String> pages, Random random, List<Double> pageMillis,
            List<Double> submitMillis) throws Exception {
        List<Long> seeds = pages.stream().map(page -> random.nextLong()).toList();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                String page = pages.get(i);
                Random own = new Random(seeds.get(i));
                done.add(pool.submit(() -> {
                    if (spreadMillis > 0) {
                        Thread.sleep(own.nextInt(spreadMillis));
                    }
                    long t0 = System.nanoTime();
                    HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(page)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    pageMillis.add((System.nanoTime() - t0) / 1e6);
                    if (opened.statusCode() != 200) {
                        FAILURES.merge("page " + opened.statusCode(), 1, Integer::sum);
                        return null;
                    }
                    Matcher key = KEY.matcher(opened.body());
                    key.find();
                    List<String> products = new ArrayList<>();
                    Matcher quantity = QUANTITY.matcher(opened.body());
                    while (quantity.find()) {
                        products.add(quantity.group(1));
                    }
                    StringBuilder form = new StringBuilder("idempotencyKey=").append(key.group(1));
                    int lines = 1 + own.nextInt(8);
                    for (int l = 0; l < lines; l++) {
                        form.append("&qty_").append(products.get(own.nextInt(products.size()))).append('=')
                                .append(1 + own.nextInt(20));
                    }
                    form.append("&note=").append(URLEncoder.encode("Prosím do pátku", StandardCharsets.UTF_8));
                    if (thinkMax > 0) {
                        Thread.sleep(thinkMin + own.nextInt(thinkMax - thinkMin + 1));
                    }
                    String location = null;
                    for (int click = 0; click < 2; click++) {
                        long t1 = System.nanoTime();
                        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(page))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        submitMillis.add((System.nanoTime() - t1) / 1e6);
                        String answer = sent.headers().firstValue("Location").orElse(null);
                        if (answer == null) {
                            FAILURES.merge("submission " + sent.statusCode(), 1, Integer::sum);
                            continue;
                        }
                        if (location != null && !location.equals(answer)) {
                            throw new IllegalStateException("the second click placed another order");
                        }
                        location = answer;
                    }
                    if (location != null) {
                        FORMS_ANSWERED.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        return pages.size();
    }

    static String customerCreated(UUID workspace, UUID id, int i) {
        String now = Instant.now().toString();
        return """
                {"specversion":"1.0","id":"%s","source":"/customer-service","type":"customer.created.v1","time":"%s",
                 "subject":"%s","workspaceid":"%s","datacontenttype":"application/json",
                 "data":{"customer":{"id":"%s","firstName":"Zákazník","lastName":"%d","companyName":null,
                 "preferredLanguage":"%s","preferredCurrency":"CZK","discountPercent":%d,"status":"NEW"},
                 "marketingConsent":false}}""".formatted(UUID.randomUUID(), now, id, workspace, id, i,
                List.of("cs", "sk", "en", "bg").get(i % 4), i % 20);
    }

    static void awaitCount(Psql psql, String sql, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Long.parseLong(psql.value(sql).strip()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + sql + " to reach " + expected);
            }
            Thread.sleep(200);
        }
    }
}
