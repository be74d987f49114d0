package io.clientele.local;

import io.clientele.testkit.infra.EmbeddedKafka;
import io.clientele.testkit.infra.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-ins for Kafka and MongoDB in one JVM: a real KRaft broker and mongo-java-server. The
 * state file names their addresses and appears only once both answer, so a script can wait for it; it is
 * removed again on shutdown (SIGTERM or Ctrl-C), when both servers are closed.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    static final int DEFAULT_MONGO_PORT = 27017;
    static final int DEFAULT_PARTITIONS = 3;
    static final String DEFAULT_STATE_FILE = "deploy/local/.state/infra.env";

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final Path stateFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalInfrastructure(EmbeddedKafka kafka, EmbeddedMongo mongo, Path stateFile) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.stateFile = stateFile;
    }

    public static void main(String[] args) {
        CommandLine options;
        try {
            options = CommandLine.parse(args, Set.of("state-file", "mongo-port", "partitions"));
        } catch (IllegalArgumentException wrong) {
            System.err.println("infra: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        Path stateFile = Path.of(options.get("state-file", DEFAULT_STATE_FILE)).toAbsolutePath();
        int mongoPort = Integer.parseInt(options.get("mongo-port", String.valueOf(DEFAULT_MONGO_PORT)));
        int partitions = Integer.parseInt(options.get("partitions", String.valueOf(DEFAULT_PARTITIONS)));

        LocalInfrastructure infrastructure;
        try {
            infrastructure = start(partitions, mongoPort, stateFile);
        } catch (RuntimeException failure) {
            log.error("The local infrastructure could not start", failure);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("local-infrastructure-stop").unstarted(() -> {
            infrastructure.close();
            stopped.countDown();
        }));
        stopOnSignal("TERM", infrastructure);
        stopOnSignal("INT", infrastructure);
        System.out.println("KAFKA_BOOTSTRAP=" + infrastructure.kafkaBootstrapServers());
        System.out.println("MONGO_URI=" + infrastructure.mongoUri());
        System.out.println("Local infrastructure ready; state in " + stateFile + ". Stop with Ctrl-C or SIGTERM.");
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts both servers and then writes the state file.
     *
     * @param preferredMongoPort taken when free (the MongoDB default lets tools connect without flags), else any
     *                           free port; 0 for any
     */
    /**
     * Closes the servers before the JVM exits. A shutdown hook alone is not enough: Kafka's test kit has its
     * own hook deleting the broker's directories, and hooks run at the same time, so the broker would close
     * on files that are vanishing and log pages of errors.
     */
    @SuppressWarnings("restriction")
    private static void stopOnSignal(String name, LocalInfrastructure infrastructure) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                log.info("SIG{} received, stopping", name);
                infrastructure.close();
                System.exit(0);
            });
        } catch (IllegalArgumentException unavailable) {
            // the shutdown hook still closes both servers
        }
    }

    public static LocalInfrastructure start(int partitions, int preferredMongoPort, Path stateFile) {
        deleteQuietly(stateFile);
        EmbeddedKafka kafka = EmbeddedKafka.start(partitions);
        log.info("Kafka broker ready at {}", kafka.bootstrapServers());
        EmbeddedMongo mongo;
        try {
            int port = preferredMongoPort != 0 && isFree(preferredMongoPort) ? preferredMongoPort : 0;
            if (port == 0 && preferredMongoPort != 0) {
                log.warn("Port {} is taken; MongoDB stand-in takes a free port instead", preferredMongoPort);
            }
            mongo = EmbeddedMongo.start(port);
        } catch (RuntimeException failure) {
            kafka.close();
            throw failure;
        }
        log.info("MongoDB stand-in ready at {}", mongo.connectionString());
        LocalInfrastructure infrastructure = new LocalInfrastructure(kafka, mongo, stateFile);
        try {
            infrastructure.writeState();
        } catch (RuntimeException failure) {
            infrastructure.close();
            throw failure;
        }
        return infrastructure;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    /** Removes the state file first, so nobody reads addresses that are about to go away. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deleteQuietly(stateFile);
        mongo.close();
        kafka.close();
        log.info("Local infrastructure stopped");
    }

    private void writeState() {
        String content = "KAFKA_BOOTSTRAP=" + kafkaBootstrapServers() + "\n"
                + "MONGO_URI=" + mongoUri() + "\n"
                + "RUNNER_PID=" + ProcessHandle.current().pid() + "\n";
        try {
            Files.createDirectories(stateFile.getParent());
            // Written beside and then moved, so a reader never sees half a file.
            Path partial = Files.createTempFile(stateFile.getParent(), stateFile.getFileName().toString(), ".partial");
            Files.writeString(partial, content);
            Files.move(partial, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot write " + stateFile, failure);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a left-over file is overwritten on the next start
        }
    }
}
