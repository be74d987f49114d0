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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-ins for Kafka and MongoDB in one JVM: a real KRaft broker and mongo-java-server; and for
 * communication-service an SMTP server that keeps what it receives as files ({@link MailSink}) and an SMS
 * API that logs what it accepts ({@link SmsSink}). The state file names their addresses and appears only
 * once all answer, so a script can wait for it; it is removed again on shutdown (SIGTERM or Ctrl-C), when
 * the servers are closed.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalInfrastructure.class);

    static final int DEFAULT_MONGO_PORT = 27017;
    static final int DEFAULT_PARTITIONS = 6;
    static final int DEFAULT_SMTP_PORT = 3025;
    static final int DEFAULT_SMS_PORT = 3030;
    static final String DEFAULT_STATE_FILE = "deploy/local/.state/infra.env";

    /** The system's topics (ARCHITECTURE.md, "Events") and their dead-letter topics, made before any service starts. */
    static final List<String> TOPICS = Stream.of("booking.reservations", "customer.events",
            "communication.commands", "communication.events", "scenario.events", "order.events")
            .flatMap(topic -> Stream.of(topic, topic + ".dlt")).toList();

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final MailSink mail;
    private final SmsSink sms;
    private final Path stateFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalInfrastructure(EmbeddedKafka kafka, EmbeddedMongo mongo, MailSink mail, SmsSink sms, Path stateFile) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
        this.sms = sms;
        this.stateFile = stateFile;
    }

    public static void main(String[] args) {
        CommandLine options;
        try {
            options = CommandLine.parse(args, Set.of("state-file", "mongo-port", "partitions", "smtp-port", "sms-port"));
        } catch (IllegalArgumentException wrong) {
            System.err.println("infra: " + wrong.getMessage());
            System.exit(2);
            return;
        }
        Path stateFile = Path.of(options.get("state-file", DEFAULT_STATE_FILE)).toAbsolutePath();
        int mongoPort = Integer.parseInt(options.get("mongo-port", String.valueOf(DEFAULT_MONGO_PORT)));
        int partitions = Integer.parseInt(options.get("partitions", String.valueOf(DEFAULT_PARTITIONS)));
        int smtpPort = Integer.parseInt(options.get("smtp-port", String.valueOf(DEFAULT_SMTP_PORT)));
        int smsPort = Integer.parseInt(options.get("sms-port", String.valueOf(DEFAULT_SMS_PORT)));

        LocalInfrastructure infrastructure;
        try {
            infrastructure = start(partitions, mongoPort, smtpPort, smsPort, stateFile);
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
        System.out.println("SMTP_PORT=" + infrastructure.smtpPort() + "  (mail lands in " + infrastructure.mailDirectory() + ")");
        System.out.println("SMS_URL=" + infrastructure.smsUrl() + "  (SMS logged to " + infrastructure.smsLog() + ")");
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
        return start(partitions, preferredMongoPort, DEFAULT_SMTP_PORT, DEFAULT_SMS_PORT, stateFile);
    }

    /**
     * @param preferredSmtpPort the SMTP sink's port when free (else any free one); 0 for any
     * @param preferredSmsPort  the SMS API sink's port when free (else any free one); 0 for any
     */
    public static LocalInfrastructure start(int partitions, int preferredMongoPort, int preferredSmtpPort,
            int preferredSmsPort, Path stateFile) {
        deleteQuietly(stateFile);
        EmbeddedKafka kafka = EmbeddedKafka.start(partitions, null, TOPICS.toArray(String[]::new));
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
        MailSink mail;
        SmsSink sms;
        Path state = stateFile.toAbsolutePath().getParent();
        try {
            mail = MailSink.start(freeOrAny(preferredSmtpPort, "SMTP sink"), state.resolve("mail"));
            sms = SmsSink.start(freeOrAny(preferredSmsPort, "SMS sink"), state.resolve("sms.log"));
        } catch (RuntimeException failure) {
            mongo.close();
            kafka.close();
            throw failure;
        }
        log.info("SMTP sink on port {}, mail written to {}; SMS API sink at {}, SMS logged to {}", mail.port(),
                mail.directory(), sms.url(), sms.logFile());
        LocalInfrastructure infrastructure = new LocalInfrastructure(kafka, mongo, mail, sms, stateFile);
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

    public int smtpPort() {
        return mail.port();
    }

    public Path mailDirectory() {
        return mail.directory();
    }

    public String smsUrl() {
        return sms.url();
    }

    public Path smsLog() {
        return sms.logFile();
    }

    /** How many e-mails the SMTP sink received. */
    public int mailReceived() {
        return mail.received();
    }

    private static int freeOrAny(int preferred, String what) {
        if (preferred != 0 && isFree(preferred)) {
            return preferred;
        }
        if (preferred != 0) {
            log.warn("Port {} is taken; the {} takes a free port instead", preferred, what);
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Removes the state file first, so nobody reads addresses that are about to go away. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        deleteQuietly(stateFile);
        sms.close();
        mail.close();
        mongo.close();
        kafka.close();
        log.info("Local infrastructure stopped");
    }

    private void writeState() {
        String content = "KAFKA_BOOTSTRAP=" + kafkaBootstrapServers() + "\n"
                + "MONGO_URI=" + mongoUri() + "\n"
                + "SMTP_PORT=" + smtpPort() + "\n"
                + "MAIL_DIR=" + mailDirectory() + "\n"
                + "SMS_URL=" + smsUrl() + "\n"
                + "SMS_LOG=" + smsLog() + "\n"
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
