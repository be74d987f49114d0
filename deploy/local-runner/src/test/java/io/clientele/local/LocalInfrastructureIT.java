package io.clientele.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfrastructureIT {

    @TempDir
    Path state;

    @Test
    void stateFileNamesAWorkingBrokerAndMongoAndGoesAwayOnClose() throws Exception {
        Path stateFile = state.resolve("infra.env");
        Map<String, String> written;
        String bootstrap;
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                LocalInfrastructure infrastructure = LocalInfrastructure.start(3, occupied.getLocalPort(), stateFile)) {
            written = read(stateFile);
            bootstrap = infrastructure.kafkaBootstrapServers();

            assertThat(written).containsEntry("KAFKA_BOOTSTRAP", bootstrap)
                    .containsEntry("MONGO_URI", infrastructure.mongoUri())
                    .containsEntry("RUNNER_PID", String.valueOf(ProcessHandle.current().pid()));
            URI mongo = URI.create(written.get("MONGO_URI"));
            assertThat(mongo.getPort()).as("the taken port is left alone").isNotEqualTo(occupied.getLocalPort());
            try (Socket connected = new Socket(mongo.getHost(), mongo.getPort())) {
                assertThat(connected.isConnected()).isTrue();
            }
            assertThat(partitionsOfANewTopic(bootstrap)).isEqualTo(3);
            assertThat(partitionsOf(bootstrap, LocalInfrastructure.TOPICS))
                    .as("the system's topics are there, whole, before any service subscribes")
                    .hasSize(12).containsEntry("customer.events", 3).containsEntry("booking.reservations.dlt", 3)
                    .allSatisfy((topic, partitions) -> assertThat(partitions).isEqualTo(3));
        }

        assertThat(stateFile).doesNotExist();
        String[] hostAndPort = bootstrap.split(",")[0].split(":");
        assertThatThrownBy(() -> new Socket(hostAndPort[0], Integer.parseInt(hostAndPort[1])).close())
                .as("the broker is stopped").isInstanceOf(IOException.class);
    }

    private static int partitionsOfANewTopic(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(Set.of(new NewTopic("runner-check", java.util.Optional.empty(), java.util.Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            // a topic just created may not be described yet for a moment
            return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeTopics(Set.of("runner-check")).allTopicNames().get(30, TimeUnit.SECONDS)
                            .get("runner-check").partitions().size(), size -> size > 0);
        }
    }

    private static Map<String, Integer> partitionsOf(String bootstrap, java.util.List<String> topics) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            return admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, topic -> topic.getValue().partitions().size()));
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
    }
}
