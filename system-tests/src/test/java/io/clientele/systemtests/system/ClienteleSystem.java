package io.clientele.systemtests.system;

import io.clientele.contracts.EventContracts;
import io.clientele.testkit.bench.ServiceProcess;
import io.clientele.testkit.infra.Infrastructure;
import io.clientele.testkit.tokens.HmacTokenMinter;
import io.clientele.testkit.tokens.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole system as it runs in production: each service its own JVM started from its jar (as
 * {@code deploy/local/run.sh} starts them), on the tests' infrastructure ({@link Infrastructure}: the local
 * PostgreSQL with a database per service, the embedded Kafka broker, mongo-java-server) and, on request, a
 * real Zipkin. Tests drive it only from the outside, through the gateway. The service jars must be built
 * ({@code ./mvnw verify} packages them before system-tests' integration tests).
 *
 * <pre>{@code
 * try (ClienteleSystem system = ClienteleSystem.with(Service.CUSTOMER, Service.COMMUNICATION).tracing().start()) {
 *     ... system.gatewayUrl() ...
 * }
 * }</pre>
 * A service left out is not started; the gateway's route to it answers that the service is unavailable.
 */
public final class ClienteleSystem implements AutoCloseable {

    /** The services behind the gateway, with the environment variable the gateway finds each one by. */
    public enum Service {
        CUSTOMER("customer-service", "CLIENTELE_SERVICES_CUSTOMER_URL"),
        COMMUNICATION("communication-service", "CLIENTELE_SERVICES_COMMUNICATION_URL"),
        SCENARIO("scenario-service", "CLIENTELE_SERVICES_SCENARIO_URL"),
        ORDER_LINK("order-link-service", "CLIENTELE_SERVICES_ORDER_LINK_URL");

        private final String module;
        private final String gatewayVariable;

        Service(String module, String gatewayVariable) {
            this.module = module;
            this.gatewayVariable = gatewayVariable;
        }

        public String module() {
            return module;
        }
    }

    /** What to start; {@link #start()} starts it. */
    public static final class Builder {

        private final Set<Service> services;
        private final Map<Service, Map<String, String>> environment = new EnumMap<>(Service.class);
        private boolean tracing;
        // A minute on a quiet machine of two cores; several times that while other builds share it.
        private Duration startTimeout = Duration.ofMinutes(6);

        private Builder(Set<Service> services) {
            this.services = services;
        }

        /** A Zipkin server beside the services, which report every span to it. */
        public Builder tracing() {
            this.tracing = true;
            return this;
        }

        /** An environment variable for one service (an SMTP server's port, a provider's URL, ...). */
        public Builder environment(Service service, String name, String value) {
            environment.computeIfAbsent(service, s -> new HashMap<>()).put(name, value);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public ClienteleSystem start() throws IOException, InterruptedException {
            ClienteleSystem system = new ClienteleSystem();
            try {
                system.startAll(this);
            } catch (IOException | InterruptedException | RuntimeException failed) {
                system.close();
                throw failed;
            }
            return system;
        }
    }

    /** Partitions of every topic: more than one, so per-key ordering and assignment are real. */
    static final int PARTITIONS = 3;

    private final String secret = TestTokens.newSecret();
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final Map<Service, Infrastructure.Postgres> databases = new EnumMap<>(Service.class);
    private String mongoDatabase;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Path logs;
    private ServiceProcess gateway;
    private ZipkinServer zipkin;

    private ClienteleSystem() throws IOException {
        logs = Files.createDirectories(Path.of("target", "system-logs").toAbsolutePath());
    }

    public static Builder with(Service... services) {
        return new Builder(services.length == 0 ? EnumSet.noneOf(Service.class) : EnumSet.of(services[0], services));
    }

    private void startAll(Builder builder) throws IOException, InterruptedException {
        String kafka = Infrastructure.kafkaBootstrapServers();
        createTopics(kafka);
        if (builder.tracing) {
            zipkin = ZipkinServer.start(freePort(), logs);
            started.add(zipkin);
        }
        Map<String, String> common = new HashMap<>();
        common.put("CLIENTELE_SECURITY_JWT_HMAC_SECRET", secret);
        common.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("CLIENTELE_TOPICS_PARTITIONS", Integer.toString(PARTITIONS));
        if (zipkin != null) {
            common.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
            common.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        } else {
            common.put("MANAGEMENT_TRACING_EXPORT_ENABLED", "false");
        }
        Map<String, String> gatewayEnvironment = new HashMap<>(common);
        for (Service service : Service.values()) {
            // a service left out: a port nobody listens on, so its routes answer 503 at once
            int port = freePort();
            gatewayEnvironment.put(service.gatewayVariable, "http://127.0.0.1:" + port);
            if (!builder.services.contains(service)) {
                continue;
            }
            Map<String, String> environment = new HashMap<>(common);
            environment.putAll(ownEnvironment(service, port));
            environment.putAll(builder.environment.getOrDefault(service, Map.of()));
            ServiceProcess process = ServiceProcess.start(ServiceProcess.jar(service.module()), port, environment,
                    logs.resolve(service.module() + ".log"), jvmOptions());
            running.put(service, process);
            started.add(process);
        }
        gateway = ServiceProcess.start(ServiceProcess.jar("gateway"), freePort(), gatewayEnvironment,
                logs.resolve("gateway.log"), jvmOptions());
        started.add(gateway);
        // All of them start at once (a minute on two busy cores), then each is waited for.
        if (zipkin != null) {
            zipkin.awaitReady(builder.startTimeout);
        }
        for (ServiceProcess process : running.values()) {
            process.awaitReady(builder.startTimeout);
        }
        gateway.awaitReady(builder.startTimeout);
    }

    /**
     * Every topic of the contracts (and its dead letters), made before any service starts, as the local run
     * does: a consumer that subscribes while another service's start creates a topic with one partition and
     * then grows it reads only that partition until its next metadata refresh, five minutes later.
     */
    private static void createTopics(String bootstrap) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = EventContracts.topics().keySet().stream()
                    .flatMap(topic -> Stream.of(topic, topic + ".dlt")).filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("could not create the topics on " + bootstrap, failed);
        }
    }

    private Map<String, String> ownEnvironment(Service service, int port) {
        return switch (service) {
            case CUSTOMER, SCENARIO, ORDER_LINK -> {
                Infrastructure.Postgres database = Infrastructure.separatePostgresDatabase();
                databases.put(service, database);
                yield Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(),
                        "SPRING_DATASOURCE_USERNAME", database.username(),
                        "SPRING_DATASOURCE_PASSWORD", database.password());
            }
            case COMMUNICATION -> {
                // a database of its own, as each PostgreSQL service has
                mongoDatabase = "communication_" + UUID.randomUUID().toString().replace("-", "");
                yield Map.of(
                        "SPRING_MONGODB_URI", Infrastructure.mongoUri(),
                        "SPRING_MONGODB_DATABASE", mongoDatabase,
                        "CLIENTELE_COMMUNICATION_UNSUBSCRIBE_SECRET", TestTokens.newSecret(),
                        "CLIENTELE_COMMUNICATION_UNSUBSCRIBE_PUBLIC_BASE_URL", "http://localhost:" + port);
            }
        };
    }

    private static String[] jvmOptions() {
        return new String[] {"-Xms64m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The gateway, the one door front ends use. */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** A running service's own address, for what only operators reach (actuator endpoints). */
    public String serviceUrl(Service service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service.module() + " was not started");
        }
        return "http://127.0.0.1:" + process.port();
    }

    /**
     * The PostgreSQL database a running service owns, for what only an auditor would do: read every table (an
     * erasure's proof that nothing personal is left).
     */
    public Infrastructure.Postgres database(Service service) {
        Infrastructure.Postgres database = databases.get(service);
        if (database == null) {
            throw new IllegalStateException(service.module() + " was not started or keeps no PostgreSQL database");
        }
        return database;
    }

    /** communication-service's MongoDB: the server ({@link Infrastructure#mongoUri()}) and its own database's name. */
    public String mongoDatabase() {
        if (mongoDatabase == null) {
            throw new IllegalStateException("communication-service was not started");
        }
        return mongoDatabase;
    }

    /** A token every service accepts, for a user of {@code workspace} with these roles. */
    public String token(UUID workspace, String subject, String... roles) {
        return new HmacTokenMinter(secret).mint(workspace, subject, Duration.ofHours(1), roles);
    }

    /** The trace backend; only with {@link Builder#tracing()}. */
    public ZipkinServer zipkin() {
        if (zipkin == null) {
            throw new IllegalStateException("started without tracing()");
        }
        return zipkin;
    }

    /** Where each process writes its log ({@code <module>.log}, {@code zipkin.log}). */
    public Path logs() {
        return logs;
    }

    @Override
    public void close() {
        // the gateway first, then the services, then Zipkin: the reverse of the start
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception ignored) {
                // closing the others matters more
            }
        }
    }
}
