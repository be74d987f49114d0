package io.clientele.platform.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Refuses a NUL character (U+0000) in any JSON string or object key as the body is read. PostgreSQL cannot
 * store it in text or jsonb, and MongoDB not in a key: let through, it failed the write much later as a
 * "conflict" or a 500. Refused here it is a 400 naming the field, whatever the service or its store.
 */
public final class NulFreeText {

    /** What the problem handler tells the client. */
    public static final String MESSAGE = "contains a NUL character (\\u0000), which cannot be stored";

    private NulFreeText() {
    }

    static SimpleModule module() {
        return new SimpleModule("clientele-nul-free-text")
                .addDeserializer(String.class, new Values())
                .addKeyDeserializer(String.class, new Keys());
    }

    /** True when the text holds a NUL. */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Strings as Jackson reads them (with its coercion rules), then checked. */
    static final class Values extends StdScalarDeserializer<String> {

        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (hasNul(value)) {
                throw context.weirdStringException(value, String.class, MESSAGE);
            }
            return value;
        }

        @Override
        public Object getNullValue(DeserializationContext context) {
            return null;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (hasNul(key)) {
                throw context.weirdKeyException(String.class, key, MESSAGE);
            }
            return key;
        }
    }
}
