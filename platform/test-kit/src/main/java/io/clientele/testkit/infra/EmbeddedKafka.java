package io.clientele.testkit.infra;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft mode, from the Kafka server jars) running inside this JVM. Used by tests
 * when no broker is configured and Docker is absent, and by the local runner.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /** @param partitions partitions of every topic created automatically */
    public static EmbeddedKafka start(int partitions) {
        return start(partitions, null);
    }

    /**
     * A broker that tells clients to reach it at {@code advertisedAddress} (host:port) instead of the port
     * it listens on: put a {@link TcpProxy} there to control the network between clients and broker.
     * (The KRaft test kit always binds its own ports, so a fixed listening port is not possible.)
     */
    public static EmbeddedKafka start(int partitions, String advertisedAddress) {
        return start(partitions, advertisedAddress, new String[0]);
    }

    /**
     * @param topics created with {@code partitions} partitions before the broker is handed out, so that no
     *               client ever sees them with fewer (a consumer that subscribed to a topic while it was
     *               being created with one partition and then grown reads only that one until its next
     *               metadata refresh, five minutes later)
     */
    public static EmbeddedKafka start(int partitions, String advertisedAddress, String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        if (advertisedAddress != null) {
            broker.brokerProperty("advertised.listeners", "EXTERNAL://" + advertisedAddress);
        }
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", String.valueOf(partitions));
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        return new EmbeddedKafka(broker);
    }

    /** The address the broker actually listens on. */
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
