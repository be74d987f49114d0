package io.clientele.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One record of a batch as Spring Cloud Stream hands it to a batch consumer (native decoding, bytes),
 * with where it came from, which a dead letter names.
 */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value) {

    /** The records of a batch message, in order. */
    public static List<ConsumedRecord> of(String topic, Message<List<byte[]>> message) {
        List<byte[]> values = message.getPayload();
        List<?> keys = header(message, KafkaHeaders.RECEIVED_KEY, values.size());
        List<?> partitions = header(message, KafkaHeaders.RECEIVED_PARTITION, values.size());
        List<?> offsets = header(message, KafkaHeaders.OFFSET, values.size());
        List<ConsumedRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(new ConsumedRecord(topic, number(partitions.get(i)).intValue(),
                    number(offsets.get(i)).longValue(), bytes(keys.get(i)), values.get(i)));
        }
        return records;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static List<?> header(Message<?> message, String name, int size) {
        Object value = message.getHeaders().get(name);
        if (value instanceof List<?> list && list.size() == size) {
            return list;
        }
        List<Object> missing = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            missing.add(null);
        }
        return missing;
    }

    private static Number number(Object value) {
        return value instanceof Number number ? number : -1;
    }

    private static byte[] bytes(Object key) {
        return switch (key) {
            case byte[] raw -> raw;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            case null, default -> null;
        };
    }
}
