package io.clientele.testkit.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Resolves each piece of infrastructure once per JVM, in this order:
 * <ol>
 *   <li>an explicit setting: {@code CRM_POSTGRES_URL} (with {@code CRM_POSTGRES_USER},
 *       {@code CRM_POSTGRES_PASSWORD}), {@code CRM_KAFKA_BOOTSTRAP}, {@code CRM_MONGO_URI};</li>
 *   <li>Docker available: a Testcontainers container;</li>
 *   <li>otherwise the embedded default: a throwaway database on the local PostgreSQL server
 *       ({@code CRM_LOCAL_POSTGRES_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user
 *       postgres), an embedded KRaft Kafka broker, and mongo-java-server.</li>
 * </ol>
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    static final String POSTGRES_IMAGE = "postgres:16-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static Postgres postgres;
    private static String kafka;
    private static String mongo;

    private Infrastructure() {
    }

    public record Postgres(String jdbcUrl, String username, String password) {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = resolvePostgres();
        }
        return postgres;
    }

    /**
     * Another database, made for this JVM and dropped when it exits, on the server {@link #postgres()} is on:
     * for a test that runs several services, each with its own database.
     */
    public static Postgres separatePostgresDatabase() {
        Postgres server = postgres();
        return LocalPostgres.throwawayDatabase(server.jdbcUrl(), server.username(), server.password());
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = resolveKafka();
        }
        return kafka;
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = resolveMongo();
        }
        return mongo;
    }

    private static Postgres resolvePostgres() {
        String url = System.getenv("CRM_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            log.info("PostgreSQL: {} (CRM_POSTGRES_URL)", url);
            return new Postgres(url, env("CRM_POSTGRES_USER", "postgres"), env("CRM_POSTGRES_PASSWORD", ""));
        }
        if (Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            log.info("PostgreSQL: Testcontainers {}", container.getJdbcUrl());
            return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return LocalPostgres.throwawayDatabase(
                env("CRM_LOCAL_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                env("CRM_LOCAL_POSTGRES_USER", "postgres"), env("CRM_LOCAL_POSTGRES_PASSWORD", ""));
    }

    private static String resolveKafka() {
        String bootstrap = System.getenv("CRM_KAFKA_BOOTSTRAP");
        if (bootstrap != null && !bootstrap.isBlank()) {
            log.info("Kafka: {} (CRM_KAFKA_BOOTSTRAP)", bootstrap);
            return bootstrap;
        }
        if (Docker.available()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            log.info("Kafka: Testcontainers {}", container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        EmbeddedKafka broker = EmbeddedKafka.start(3);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(broker::close));
        log.info("Kafka: embedded KRaft broker {}", broker.bootstrapServers());
        return broker.bootstrapServers();
    }

    private static String resolveMongo() {
        String uri = System.getenv("CRM_MONGO_URI");
        if (uri != null && !uri.isBlank()) {
            log.info("MongoDB: {} (CRM_MONGO_URI)", uri);
            return uri;
        }
        if (Docker.available()) {
            MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
            container.start();
            log.info("MongoDB: Testcontainers {}", container.getConnectionString());
            return container.getConnectionString();
        }
        EmbeddedMongo server = EmbeddedMongo.start(0);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
        log.info("MongoDB: mongo-java-server {}", server.connectionString());
        return server.connectionString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
