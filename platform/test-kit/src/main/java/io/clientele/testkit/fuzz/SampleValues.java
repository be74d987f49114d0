package io.clientele.testkit.fuzz;

import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible value for a schema: the request a fuzz case starts from, so that each case breaks one thing
 * and the rest gets as far into the service as a real request would.
 */
final class SampleValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleValues() {
    }

    /** The schema's kind: object, array, string, integer, number, boolean, or string when it says nothing. */
    static String kind(JsonNode schema) {
        JsonNode variant = variant(schema);
        if (variant != schema) {
            return kind(variant);
        }
        if (schema.has("type")) {
            JsonNode type = schema.get("type");
            return type.isArray() ? type.path(0).asString("string") : type.asString("");
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    /** The first of allOf/oneOf/anyOf, or the schema itself. */
    static JsonNode variant(JsonNode schema) {
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return schema.path(combinator).path(0);
            }
        }
        return schema;
    }

    /** An enum's constants, or null. */
    static JsonNode enumOf(JsonNode schema) {
        JsonNode variant = variant(schema);
        if (variant.path("enum").isArray() && !variant.path("enum").isEmpty()) {
            return variant.path("enum");
        }
        if (kind(variant).equals("array")) {
            return enumOf(variant.path("items"));
        }
        return null;
    }

    static String format(JsonNode schema) {
        JsonNode variant = variant(schema);
        return kind(variant).equals("array") ? format(variant.path("items")) : variant.path("format").asString("");
    }

    /** As text, for a path or query parameter (not yet percent-encoded). */
    static String text(JsonNode schema, Random random) {
        JsonNode value = json(schema, random, 0);
        if (value.isArray()) {
            return value.isEmpty() ? "x" : value.path(0).asString("");
        }
        return value.isObject() ? "x" : value.asString("");
    }

    static JsonNode json(JsonNode schema, Random random, int depth) {
        JsonNode variant = variant(schema);
        JsonNode constants = variant.path("enum");
        if (constants.isArray() && !constants.isEmpty()) {
            return constants.path(random.nextInt(constants.size()));
        }
        if (variant.has("example") && !variant.path("example").isObject() && !variant.path("example").isArray()) {
            return variant.path("example");
        }
        return switch (kind(variant)) {
            case "object" -> object(variant, random, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(json(variant.path("items"), random, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, variant.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(Math.max(1, variant.path("minimum").asLong(1)));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(string(variant, random));
        };
    }

    private static ObjectNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth >= 6) {
            return object;
        }
        schema.path("properties").properties().forEach(property -> {
            if (!property.getValue().path("readOnly").asBoolean(false)) {
                object.set(property.getKey(), json(property.getValue(), random, depth + 1));
            }
        });
        if (schema.path("additionalProperties").isObject()) {
            object.set("fuzzKey", json(schema.path("additionalProperties"), random, depth + 1));
        }
        return object;
    }

    private static String string(JsonNode schema, Random random) {
        return switch (schema.path("format").asString("")) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time" -> "2026-01-15T10:00:00Z";
            case "date" -> "2026-01-15";
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.cz";
            case "uri", "url" -> "https://example.cz/fuzz";
            default -> {
                int min = schema.path("minLength").asInt(0);
                yield min > 4 ? "f".repeat(min) : "fuzz";
            }
        };
    }
}
