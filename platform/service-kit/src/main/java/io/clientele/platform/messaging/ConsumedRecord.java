package io.clientele.platform.messaging;

import io.clientele.platform.observability.EventTracing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One record of a batch as Spring Cloud Stream hands it to a batch consumer (native decoding, bytes),
 * with where it came from, which a dead letter names, and the trace it continues.
 *
 * @param traceparent the record's W3C {@code traceparent} header, or null
 */
public record ConsumedRecord(String topic, int partition, long offset, byte[] key, byte[] value,
        String traceparent) {

    /** The records of a batch message, in order. */
    public static List<ConsumedRecord> of(String topic, Message<List<byte[]>> message) {
        List<byte[]> values = message.getPayload();
        List<?> keys = header(message, KafkaHeaders.RECEIVED_KEY, values.size());
        List<?> partitions = header(message, KafkaHeaders.RECEIVED_PARTITION, values.size());
        List<?> offsets = header(message, KafkaHeaders.OFFSET, values.size());
        List<?> converted = header(message, KafkaHeaders.BATCH_CONVERTED_HEADERS, values.size());
        List<?> nativeHeaders = header(message, KafkaHeaders.NATIVE_HEADERS, values.size());
        List<ConsumedRecord> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            records.add(new ConsumedRecord(topic, number(partitions.get(i)).intValue(),
                    number(offsets.get(i)).longValue(), bytes(keys.get(i)), values.get(i),
                    traceparent(converted.get(i), nativeHeaders.get(i))));
        }
        return records;
    }

    /** The binder hands a batch's headers either mapped (one map per record) or as Kafka's own. */
    private static String traceparent(Object mapped, Object raw) {
        Object value = null;
        if (mapped instanceof Map<?, ?> headers) {
            value = headers.get(EventTracing.TRACEPARENT);
        }
        if (value == null && raw instanceof Headers headers) {
            Header last = headers.lastHeader(EventTracing.TRACEPARENT);
            value = last == null ? null : last.value();
        }
        byte[] text = bytes(value);
        return text == null ? null : new String(text, StandardCharsets.UTF_8);
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
