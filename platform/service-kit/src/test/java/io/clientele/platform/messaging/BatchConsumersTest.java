package io.clientele.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.platform.events.UnreadableEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** The consumer kit: unreadable records are dead-lettered with one header set, their neighbours applied. */
class BatchConsumersTest {

    final MockProducer<String, String> kafka = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer());
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeadLetters deadLetters = new DeadLetters(
            new AcknowledgedProducer(new KafkaTemplate<>(() -> kafka), Duration.ofSeconds(1)), "kit-test", meters);
    final BatchConsumers consumers = new BatchConsumers(deadLetters, meters);

    /** Reads "ok:<text>", passes by "other", refuses the rest. */
    static String read(byte[] value) throws UnreadableEvent {
        String text = value == null ? null : new String(value, StandardCharsets.UTF_8);
        if ("other".equals(text)) {
            return null;
        }
        if (text == null || !text.startsWith("ok:")) {
            throw UnreadableEvent.of("data.thing", "contract", "is broken in " + text);
        }
        return text.substring(3);
    }

    @Test
    void aBrokenRecordGoesToTheDeadLetterTopicAndItsNeighboursAreAppliedInOrder() {
        List<List<String>> applied = new ArrayList<>();

        consumers.<String>of("things", BatchConsumersTest::read, applied::add)
                .accept(batch(List.of("ok:a", "bad", "other", "ok:b"), List.of(10L, 11L, 12L, 13L)));

        assertThat(applied).containsExactly(List.of("a", "b"));
        assertThat(kafka.history()).hasSize(1);
        ProducerRecord<String, String> dead = kafka.history().getFirst();
        assertThat(dead.topic()).isEqualTo("things.dlt");
        assertThat(dead.key()).isEqualTo("key-11");
        assertThat(dead.value()).isEqualTo("bad");
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("data.thing: is broken in bad");
        assertThat(header(dead, DeadLetters.ORIGINAL_TOPIC)).isEqualTo("things");
        assertThat(header(dead, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("2");
        assertThat(header(dead, DeadLetters.ORIGINAL_OFFSET)).isEqualTo("11");
        assertThat(header(dead, DeadLetters.CONSUMER)).isEqualTo("kit-test");
        assertThat(header(dead, "content-type")).startsWith("application/cloudevents+json");
        assertThat(meters.counter("clientele.events.dead-lettered", "topic", "things").count()).isEqualTo(1);
        assertThat(meters.counter("clientele.events.consumed", "topic", "things", "outcome", "handled").count())
                .isEqualTo(2);
        assertThat(meters.counter("clientele.events.consumed", "topic", "things", "outcome", "not-followed").count())
                .isEqualTo(1);
    }

    @Test
    void aLongReasonIsCutToTheHeaderLimit() {
        consumers.<String>of("things", value -> {
            throw UnreadableEvent.of("data", "contract", "x".repeat(10_000));
        }, events -> { }).accept(batch(List.of("anything"), List.of(1L)));

        assertThat(header(kafka.history().getFirst(), DeadLetters.REASON)).hasSize(DeadLetters.MAX_REASON);
    }

    @Test
    void whenKafkaDoesNotTakeTheDeadLetterTheBatchFailsSoNothingIsLost() {
        MockProducer<String, String> refusing = new MockProducer<>(false, null, new StringSerializer(),
                new StringSerializer());
        DeadLetters unavailable = new DeadLetters(new AcknowledgedProducer(new KafkaTemplate<>(() -> refusing),
                Duration.ofMillis(50)), "kit-test", meters);
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> new BatchConsumers(unavailable, meters).<String>of("things", BatchConsumersTest::read,
                applied::addAll).accept(batch(List.of("ok:a", "bad"), List.of(1L, 2L))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Could not dead-letter");
        assertThat(applied).isEmpty();
    }

    private static Message<List<byte[]>> batch(List<String> values, List<Long> offsets) {
        List<byte[]> payload = values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_KEY, offsets.stream().map(o -> ("key-" + o).getBytes(StandardCharsets.UTF_8)).toList())
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, offsets.stream().map(o -> 2).toList())
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .build();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
