package io.clientele.communication;

import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.EventJson;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/** The scenario service as communication-service sees it: send commands on communication.commands, made from the sample. */
public final class Commands implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final UUID workspace;

    public Commands(String bootstrap, UUID workspace) {
        this.workspace = workspace;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
                new StringSerializer());
    }

    /** The published sample of communication.send-requested.v1 as a fresh command for this customer and request id. */
    public static ObjectNode sendRequested(UUID workspace, UUID customer, String requestId) {
        ObjectNode command = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample("communication.send-requested.v1"));
        command.put("id", UUID.randomUUID().toString());
        command.put("time", Instant.now().toString());
        command.put("subject", customer.toString());
        command.put("workspaceid", workspace.toString());
        ObjectNode data = (ObjectNode) command.get("data");
        data.put("requestId", requestId);
        data.put("customerId", customer.toString());
        return command;
    }

    /** A send-requested command with inline content, no template, no notBefore. */
    public ObjectNode inline(UUID customer, String requestId, String channel, String category, String subject, String text) {
        ObjectNode command = sendRequested(workspace, customer, requestId);
        ObjectNode data = (ObjectNode) command.get("data");
        data.put("channel", channel);
        data.put("category", category);
        data.put("purpose", "GENERAL");
        data.putNull("templateKey");
        data.putNull("notBefore");
        ObjectNode content = data.putObject("content");
        if (subject == null) {
            content.putNull("subject");
        } else {
            content.put("subject", subject);
        }
        content.put("text", text);
        content.putNull("html");
        return command;
    }

    public void publish(ObjectNode command) {
        publish(command.get("subject").asString(), command.toString());
    }

    public void publish(String key, String value) {
        try {
            producer.send(new ProducerRecord<>("communication.commands", key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Sends without waiting for each acknowledgement (for many at once); flush() waits for all. */
    public void publishAsync(ObjectNode command) {
        producer.send(new ProducerRecord<>("communication.commands", command.get("subject").asString(), command.toString()));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
