package io.clientele.communication.bench;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.clientele.communication.Commands;
import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.EventJson;
import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.infra.EmbeddedMongo;
import io.clientele.testkit.infra.TcpProxy;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import jakarta.mail.Flags;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * M-5 sending throughput: communication-service from its jar, as its own process, with a real Kafka
 * broker, MongoDB (the stand-in, or {@code CRM_MONGO_URI}) and GreenMail as the SMTP server. Fires send
 * commands on communication.commands and measures, from the outside, when each e-mail reaches the SMTP
 * server (GreenMail tells the moment it stores it) and when its message-sent event is on
 * communication.events. Everything runs in two processes on the same machine: this one (Kafka, MongoDB
 * stand-in, GreenMail, the load) and the service.
 *
 * <pre>
 *   system-tests/bench/communication-send.sh [--messages=20000] [--customers=1000] [--warmup=3000]
 *                                            [--rate=500] [--paced-seconds=20] [--heap=1g]
 * </pre>
 */
public final class SendThroughputBenchmark {

    static final String TOPIC = "communication.commands";

    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private final Map<String, String> notSent = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        try {
            new SendThroughputBenchmark().run(
                    Integer.parseInt(options.getOrDefault("messages", "20000")),
                    Integer.parseInt(options.getOrDefault("customers", "1000")),
                    Integer.parseInt(options.getOrDefault("warmup", "3000")),
                    Integer.parseInt(options.getOrDefault("rate", "500")),
                    Integer.parseInt(options.getOrDefault("paced-seconds", "20")),
                    options.getOrDefault("heap", "1g"), options.getOrDefault("service-jvm", ""));
        } catch (Exception failed) {
            failed.printStackTrace();
            // The embedded broker's threads would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    void run(int messages, int customers, int warmup, int rate, int pacedSeconds, String heap, String serviceJvm)
            throws Exception {
        Path out = Path.of("communication-service", "target");
        Files.createDirectories(out);
        System.out.println("Starting Kafka, MongoDB and GreenMail ...");
        EmbeddedKafka kafka = EmbeddedKafka.start(6);
        String mongoUri = System.getenv("CRM_MONGO_URI");
        EmbeddedMongo standIn = null;
        if (mongoUri == null || mongoUri.isBlank()) {
            standIn = EmbeddedMongo.start(0);
            mongoUri = standIn.connectionString();
        }
        GreenMail mail = new GreenMail(new ServerSetup(TcpProxy.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        UUID workspace = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            listen(mail, "bench-" + i + "@example.test");
        }

        String jwt = TestTokens.newSecret();
        int port = TcpProxy.freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_MONGODB_URI", mongoUri);
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", String.valueOf(mail.getSmtp().getPort()));
        environment.put("CLIENTELE_SECURITY_JWT_HMAC_SECRET", jwt);
        environment.put("CLIENTELE_COMMUNICATION_UNSUBSCRIBE_SECRET", TestTokens.newSecret());
        environment.put("CLIENTELE_DEPLOYMENT", "benchmark");
        Path log = out.resolve("communication-send-benchmark-service.log");
        System.out.println("Starting communication-service (" + ServiceProcess.jar("communication-service") + ", -Xmx" + heap + "), log " + log);
        List<String> jvm = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        if (!serviceJvm.isBlank()) {
            jvm.addAll(Arrays.asList(serviceJvm.trim().split("\\s+")));
        }
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar("communication-service"), port,
                environment, log, jvm.toArray(String[]::new));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new StringSerializer());
                MongoClient mongo = MongoClients.create(mongoUri)) {
            service.awaitReady(Duration.ofMinutes(3));
            String token = new HmacTokenMinter(jwt).mint(workspace, "bench", Duration.ofHours(2), "OWNER", "STAFF");
            createTemplate(port, token);
            System.out.println("Seeding " + customers + " customers through customer.events ...");
            for (int i = 0; i < customers; i++) {
                producer.send(new ProducerRecord<>("customer.events", ids.get(i).toString(),
                        customerCreated(workspace, ids.get(i), i)));
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (mongo.getDatabase("communication").getCollection("preferences")
                    .countDocuments(new Document("workspaceId", workspace.toString())) < customers) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the customers were not known within 5 minutes");
                }
                Thread.sleep(200);
            }
            AtomicBoolean listening = new AtomicBoolean(true);
            Thread events = Thread.ofPlatform().name("sent-events").start(() -> followSentEvents(kafka.bootstrapServers(), listening));

            System.out.println("Warm-up: " + warmup + " messages ...");
            Phase warm = burst(producer, workspace, ids, "warm", warmup);
            await(warm, Duration.ofMinutes(10));
            System.out.println("Burst: " + messages + " messages at once ...");
            long cpuBefore = service.cpuTime().toNanos();
            long ownCpuBefore = cpu(ProcessHandle.current().pid());
            String loadBefore = load();
            Phase burst = burst(producer, workspace, ids, "burst", messages);
            await(burst, Duration.ofMinutes(20));
            long cpuBurst = service.cpuTime().toNanos() - cpuBefore;
            long infrastructureCpu = cpu(ProcessHandle.current().pid()) - ownCpuBefore;
            String loadAfter = load();
            Files.writeString(out.resolve("communication-send-benchmark-metrics.txt"), HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            System.out.println("Paced: " + rate + " messages/s for " + pacedSeconds + " s ...");
            Phase paced = paced(producer, workspace, ids, rate, pacedSeconds);
            await(paced, Duration.ofMinutes(10));
            listening.set(false);
            events.join();

            String report = report(messages, customers, warmup, rate, pacedSeconds, heap, burst, paced, cpuBurst,
                    infrastructureCpu, loadBefore + " -> " + loadAfter,
                    mongoUri.equals(standIn == null ? null : standIn.connectionString()) ? "mongo-java-server (in the benchmark JVM)"
                            : "MongoDB at CRM_MONGO_URI");
            Files.writeString(out.resolve("communication-send-benchmark.md"), report);
            System.out.println(report);
        } finally {
            mail.stop();
            if (standIn != null) {
                standIn.close();
            }
            kafka.close();
        }
    }

    /** Times when GreenMail stores each e-mail: the SMTP hand-off, as the server sees it. */
    private void listen(GreenMail mail, String address) throws Exception {
        GreenMailUser user = mail.setUser(address, address);
        MailFolder inbox = mail.getManagers().getImapHostManager().getInbox(user);
        inbox.addListener(new FolderListener() {
            @Override
            public void added(int msn) {
                long now = System.nanoTime();
                try {
                    String subject = inbox.getMessages().get(msn - 1).getMimeMessage().getSubject();
                    String request = subject.substring(subject.lastIndexOf(' ') + 1);
                    if (delivered.putIfAbsent(request, now) != null) {
                        duplicates.incrementAndGet();
                    }
                } catch (Exception unreadable) {
                    System.err.println("unreadable mail: " + unreadable);
                }
            }

            @Override
            public void expunged(int msn) {
            }

            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {
            }

            @Override
            public void mailboxDeleted() {
            }
        });
    }

    private void followSentEvents(String bootstrap, AtomicBoolean listening) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("communication.events"));
            while (listening.get()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (record.value().contains("\"communication.message-sent.v1\"")) {
                        announced.putIfAbsent(EventJson.read(record.value()).data().get("requestId").asString(), now);
                    } else if (record.value().contains("\"communication.message-failed.v1\"")
                            || record.value().contains("\"communication.message-skipped.v1\"")) {
                        var data = EventJson.read(record.value()).data();
                        notSent.put(data.get("requestId").asString(), data.get("reasonCode").asString());
                    }
                }
            }
        }
    }

    record Phase(String name, List<String> requests) {
    }

    private Phase burst(KafkaProducer<String, String> producer, UUID workspace, List<UUID> customers, String name, int count) {
        List<String> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String request = name + "-" + i;
            requests.add(request);
            send(producer, workspace, customers.get(i % customers.size()), request, i);
        }
        producer.flush();
        return new Phase(name, requests);
    }

    private Phase paced(KafkaProducer<String, String> producer, UUID workspace, List<UUID> customers, int rate, int seconds)
            throws InterruptedException {
        int count = rate * seconds;
        List<String> requests = new ArrayList<>(count);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String request = "paced-" + i;
            requests.add(request);
            send(producer, workspace, customers.get(i % customers.size()), request, i);
        }
        producer.flush();
        return new Phase("paced", requests);
    }

    private void send(KafkaProducer<String, String> producer, UUID workspace, UUID customer, String request, int i) {
        ObjectNode command = Commands.sendRequested(workspace, customer, request);
        ObjectNode data = (ObjectNode) command.get("data");
        data.put("category", i % 2 == 0 ? "MARKETING" : "TRANSACTIONAL");
        data.put("purpose", "RESERVATION");
        data.put("templateKey", "bench");
        data.putNull("notBefore");
        data.putNull("scenarioId");
        data.putNull("stepId");
        ((ObjectNode) data.get("variables")).putObject("custom").put("request", request).put("voucher", "BENCH10");
        String json = command.toString();
        published.put(request, System.nanoTime());
        producer.send(new ProducerRecord<>(TOPIC, customer.toString(), json));
    }

    private void await(Phase phase, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!phase.requests().stream().allMatch(r -> delivered.containsKey(r) && announced.containsKey(r))) {
            List<String> refused = phase.requests().stream().filter(notSent::containsKey).limit(3).toList();
            if (!refused.isEmpty()) {
                throw new IllegalStateException(phase.name() + ": messages were not sent, e.g. " + refused.stream()
                        .map(r -> r + " (" + notSent.get(r) + ")").toList());
            }
            if (System.nanoTime() > deadline) {
                long missing = phase.requests().stream().filter(r -> !delivered.containsKey(r)).count();
                throw new IllegalStateException(phase.name() + ": " + missing + " message(s) did not arrive within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private String report(int messages, int customers, int warmup, int rate, int pacedSeconds, String heap, Phase burst,
            Phase paced, long cpuBurstNanos, long infrastructureNanos, String load, String store) {
        long firstPublished = burst.requests().stream().mapToLong(published::get).min().orElseThrow();
        long lastPublished = burst.requests().stream().mapToLong(published::get).max().orElseThrow();
        long lastDelivered = burst.requests().stream().mapToLong(delivered::get).max().orElseThrow();
        double seconds = (lastDelivered - firstPublished) / 1e9;
        double throughput = messages / seconds;
        double[] burstSmtp = latencies(burst, delivered);
        double[] pacedSmtp = latencies(paced, delivered);
        double[] pacedEvent = latencies(paced, announced);
        long firstPaced = paced.requests().stream().mapToLong(published::get).min().orElseThrow();
        long lastPacedDelivered = paced.requests().stream().mapToLong(delivered::get).max().orElseThrow();
        double pacedRate = paced.requests().size() / ((lastPacedDelivered - firstPaced) / 1e9);
        StringBuilder report = new StringBuilder();
        report.append("# communication-service sending benchmark (").append(LocalDateTime.now().withNano(0)).append(")\n\n");
        report.append(String.format(Locale.ROOT, "%d customers; e-mail, template with reservation and custom values, half "
                + "MARKETING (unsubscribe link and List-Unsubscribe headers), half TRANSACTIONAL; %d warm-up messages; "
                + "service -Xmx%s; %d cores; store: %s.%n%n", customers, warmup, heap,
                Runtime.getRuntime().availableProcessors(), store));
        report.append("| phase | messages | messages/s to SMTP | p50 command->SMTP | p95 | p99 | max | p99 command->message-sent event |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        report.append(String.format(Locale.ROOT, "| burst (all published at once, in %.1f s) | %d | **%.0f** | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |%n",
                (lastPublished - firstPublished) / 1e9, messages, throughput, burstSmtp[0], burstSmtp[1], burstSmtp[2],
                burstSmtp[3], latencies(burst, announced)[2]));
        report.append(String.format(Locale.ROOT, "| paced at %d/s for %d s | %d | %.0f | %.0f ms | %.0f ms | **%.0f ms** | %.0f ms | %.0f ms |%n",
                rate, pacedSeconds, paced.requests().size(), pacedRate, pacedSmtp[0], pacedSmtp[1], pacedSmtp[2],
                pacedSmtp[3], pacedEvent[2]));
        double service = cpuBurstNanos / 1e6 / messages;
        double infrastructure = infrastructureNanos / 1e6 / messages;
        report.append(String.format(Locale.ROOT, "%nCPU during the burst, per message: communication-service %.2f ms; this "
                + "process (Kafka broker, MongoDB stand-in, GreenMail, the load) %.2f ms; together %.2f ms, so %d cores "
                + "carry at most %.0f messages/s with nothing else running. Load average (1 min) before and after the "
                + "burst: %s. Duplicates delivered: %d. Every request delivered exactly once: %s.%n", service, infrastructure,
                service + infrastructure, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors() * 1000 / (service + infrastructure), load, duplicates.get(),
                duplicates.get() == 0 && delivered.size() == warmup + messages + paced.requests().size()));
        return report.toString();
    }

    /** p50, p95, p99, max in milliseconds. */
    private double[] latencies(Phase phase, Map<String, Long> at) {
        double[] millis = phase.requests().stream().mapToDouble(r -> (at.get(r) - published.get(r)) / 1e6).sorted().toArray();
        return new double[] {percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1]};
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "?";
        }
    }

    private static long cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static void createTemplate(int port, String token) throws Exception {
        String template = """
                {"key": "bench", "channel": "EMAIL", "language": "en", "name": "Benchmark reminder",
                 "subject": "Your visit {{reservation.date}} {{custom.request}}",
                 "text": "Hello {{customer.firstName}},\\n\\nsee you {{reservation.start}} for {{reservation.service}} with {{reservation.staff}} at {{reservation.location}}.\\nVoucher: {{custom.voucher}}\\n\\n{{sender.name}}",
                 "html": "<p>Hello {{customer.firstName}},</p><p>see you <b>{{reservation.start}}</b> for {{reservation.service}}.</p>"}""";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/templates")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(template)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("template not created: " + response.statusCode() + " " + response.body());
        }
    }

    private static String customerCreated(UUID workspace, UUID customer, int i) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample("customer.created.v1"));
        event.put("id", UUID.randomUUID().toString());
        event.put("subject", customer.toString());
        event.put("workspaceid", workspace.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        ObjectNode person = (ObjectNode) data.get("customer");
        person.put("id", customer.toString());
        person.put("firstName", "Customer" + i);
        person.put("email", "bench-" + i + "@example.test");
        person.put("preferredLanguage", "en");
        data.put("marketingConsent", true);
        return event.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg + "; known: " + Arrays.asList(
                        "messages", "customers", "warmup", "rate", "paced-seconds", "heap", "service-jvm"));
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
