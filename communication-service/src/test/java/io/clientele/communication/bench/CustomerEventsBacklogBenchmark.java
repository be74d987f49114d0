package io.clientele.communication.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.EventJson;
import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.infra.EmbeddedMongo;
import io.clientele.testkit.infra.TcpProxy;
import io.clientele.testkit.tokens.TestTokens;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import tools.jackson.databind.node.ObjectNode;

/**
 * How fast communication-service works through a burst on customer.events: the burst a 50,000-row import
 * and its undo make (50,000 customer.created.v1 with consent, then 50,000 customer.erased.v1). The backlog
 * is on the topic before the service starts, as after an import that ran while the service was busy;
 * the service comes up from its jar, as its own process, against a real Kafka broker and MongoDB (the
 * stand-in in this process, or {@code CRM_MONGO_URI}). Measured from the outside: the consumer group's lag,
 * sampled every 500 ms, until it is zero, and then what the service made of it (every customer known with
 * its preferences, then erased).
 *
 * <pre>
 *   system-tests/bench/communication-customer-events.sh [--customers=50000] [--heap=1g]
 * </pre>
 */
public final class CustomerEventsBacklogBenchmark {

    static final String TOPIC = "customer.events";
    static final String GROUP = "communication-service";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        try {
            new CustomerEventsBacklogBenchmark().run(Integer.parseInt(options.getOrDefault("customers", "50000")),
                    options.getOrDefault("heap", "1g"));
        } catch (Exception failed) {
            failed.printStackTrace();
            // The embedded broker's threads would keep the JVM alive.
            System.exit(1);
        }
        System.exit(0);
    }

    void run(int customers, String heap) throws Exception {
        Path out = Path.of("communication-service", "target");
        Files.createDirectories(out);
        System.out.println("Starting Kafka and MongoDB ...");
        EmbeddedKafka kafka = EmbeddedKafka.start(6, null, TOPIC);
        String mongoUri = System.getenv("CRM_MONGO_URI");
        EmbeddedMongo standIn = null;
        if (mongoUri == null || mongoUri.isBlank()) {
            standIn = EmbeddedMongo.start(0);
            mongoUri = standIn.connectionString();
        }
        UUID workspace = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>(customers);
        for (int i = 0; i < customers; i++) {
            ids.add(UUID.randomUUID());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer())) {
            System.out.println("Publishing " + customers + " customer.created.v1 and as many customer.erased.v1 ...");
            for (int i = 0; i < customers; i++) {
                producer.send(new ProducerRecord<>(TOPIC, ids.get(i).toString(), created(workspace, ids.get(i), i)));
            }
            for (int i = 0; i < customers; i++) {
                producer.send(new ProducerRecord<>(TOPIC, ids.get(i).toString(), erased(workspace, ids.get(i))));
            }
            producer.flush();
        }
        long backlog = 2L * customers;

        int port = TcpProxy.freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_MONGODB_URI", mongoUri);
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("CLIENTELE_SECURITY_JWT_HMAC_SECRET", TestTokens.newSecret());
        environment.put("CLIENTELE_COMMUNICATION_UNSUBSCRIBE_SECRET", TestTokens.newSecret());
        environment.put("CLIENTELE_DEPLOYMENT", "benchmark");
        Path log = out.resolve("communication-customer-events-benchmark-service.log");
        System.out.println("Starting communication-service (-Xmx" + heap + "), log " + log);
        List<long[]> samples = new ArrayList<>();
        long started;
        long drained;
        Duration serviceCpu;
        long benchmarkCpuBefore = cpu(ProcessHandle.current().pid());
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar("communication-service"), port,
                environment, log, "-Xms" + heap, "-Xmx" + heap);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                MongoClient mongo = MongoClients.create(mongoUri)) {
            started = System.nanoTime();
            service.awaitReady(Duration.ofMinutes(3));
            long ready = System.nanoTime();
            System.out.printf(Locale.ROOT, "Ready after %.1f s; draining %,d events ...%n", seconds(ready - started), backlog);
            long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
            long lag;
            do {
                Thread.sleep(500);
                lag = lag(admin);
                long now = System.nanoTime();
                samples.add(new long[] {now, lag});
                if (samples.size() % 20 == 0) {
                    System.out.printf(Locale.ROOT, "  %5.0f s: %,d events behind%n", seconds(now - ready), lag);
                }
                if (now > deadline) {
                    throw new IllegalStateException("still " + lag + " events behind after an hour");
                }
            } while (lag > 0);
            drained = System.nanoTime();
            serviceCpu = service.cpuTime();
            MongoDatabase database = mongo.getDatabase("communication");
            long preferences = database.getCollection("preferences").countDocuments(
                    new Document("workspaceId", workspace.toString()).append("erased", true));
            long contacts = database.getCollection("contacts").countDocuments(
                    new Document("workspaceId", workspace.toString()).append("erased", true));
            long benchmarkCpu = cpu(ProcessHandle.current().pid()) - benchmarkCpuBefore;
            String report = report(customers, backlog, heap, ready - started, samples, ready, drained, preferences,
                    contacts, serviceCpu, Duration.ofNanos(benchmarkCpu),
                    standIn != null ? "mongo-java-server (in the benchmark JVM)" : "MongoDB at CRM_MONGO_URI");
            Files.writeString(out.resolve("communication-customer-events-benchmark.md"), report);
            System.out.println(report);
            if (preferences != customers || contacts != customers) {
                throw new IllegalStateException("not every customer was known and then erased: " + preferences
                        + " preferences, " + contacts + " contacts erased of " + customers);
            }
        } finally {
            if (standIn != null) {
                standIn.close();
            }
            kafka.close();
        }
    }

    /** Events on the topic the service's group has not committed yet. */
    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < 6; partition++) {
            latest.put(new TopicPartition(TOPIC, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private static String report(int customers, long backlog, String heap, long startup, List<long[]> samples, long ready,
            long drained, long preferences, long contacts, Duration serviceCpu, Duration benchmarkCpu, String store) {
        double drainSeconds = seconds(drained - ready);
        StringBuilder rates = new StringBuilder();
        long[] previous = {ready, backlog};
        long window = Duration.ofSeconds(10).toNanos();
        for (long[] sample : samples) {
            if (sample[0] - previous[0] >= window || sample[1] == 0) {
                rates.append(String.format(Locale.ROOT, "| %.0f–%.0f s | %,d | %,.0f |%n", seconds(previous[0] - ready),
                        seconds(sample[0] - ready), sample[1], (previous[1] - sample[1]) / seconds(sample[0] - previous[0])));
                previous = sample;
            }
        }
        return String.format(Locale.ROOT, """
                # communication-service: a customer.events backlog (%s)

                %,d customers: %,d customer.created.v1 (with consent) then %,d customer.erased.v1, %,d events on
                6 partitions before the service starts. Store: %s. Service heap %s. %d cores.

                | figure | value |
                |---|---:|
                | start-up until ready | %.1f s |
                | backlog drained after ready | **%.1f s** |
                | events/s (backlog / drain time) | **%,.0f** |
                | service CPU, start to drained | %.1f s |
                | benchmark process CPU (Kafka, MongoDB stand-in, producer, sampling) | %.1f s |
                | customers known and erased (preferences / contacts) | %,d / %,d of %,d |

                Lag by 10 s window (events still behind at its end, events/s in it):

                | window | behind | events/s |
                |---|---:|---:|
                %s""", LocalDateTime.now().withNano(0), customers, customers, customers, backlog, store, heap,
                Runtime.getRuntime().availableProcessors(), seconds(startup), drainSeconds, backlog / drainSeconds,
                serviceCpu.toMillis() / 1000.0, benchmarkCpu.toMillis() / 1000.0, preferences, contacts, customers,
                rates);
    }

    private static String created(UUID workspace, UUID customer, int i) {
        ObjectNode event = sample("customer.created.v1", workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data");
        ObjectNode person = (ObjectNode) data.get("customer");
        person.put("id", customer.toString());
        person.put("firstName", "Customer" + i);
        person.put("lastName", "Imported");
        person.put("email", "import-" + i + "@example.test");
        person.put("phone", String.format(Locale.ROOT, "+420777%06d", i % 1_000_000));
        person.put("preferredLanguage", "cs");
        person.put("updatedAt", Instant.now().toString());
        data.put("marketingConsent", i % 2 == 0);
        data.put("consentSource", "IMPORT");
        return event.toString();
    }

    private static String erased(UUID workspace, UUID customer) {
        ObjectNode event = sample("customer.erased.v1", workspace, customer);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("customerId", customer.toString());
        data.put("erasedAt", Instant.now().toString());
        return event.toString();
    }

    private static ObjectNode sample(String type, UUID workspace, UUID customer) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample(type));
        event.put("id", UUID.randomUUID().toString());
        event.put("time", Instant.now().toString());
        event.put("subject", customer.toString());
        event.put("workspaceid", workspace.toString());
        return event;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg + "; known: "
                        + Arrays.asList("customers", "heap"));
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
