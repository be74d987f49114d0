package io.clientele.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published event contracts, for tests: producers check what they serialise against the schema
 * of its type; consumers read the samples with their own trimmed records.
 */
public final class EventContracts {

    private static final String ID_PREFIX = "https://clientele.io/contracts/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers.mapPrefix(ID_PREFIX, "classpath:contracts/")));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** Event types by topic, as published in {@code contracts/index.json}. */
    public static Map<String, List<String>> topics() {
        JsonNode index = JSON.readTree(resource("contracts/index.json"));
        Map<String, List<String>> topics = new LinkedHashMap<>();
        index.properties().forEach(entry -> {
            List<String> types = new ArrayList<>();
            entry.getValue().forEach(type -> types.add(type.asString()));
            topics.put(entry.getKey(), List.copyOf(types));
        });
        return topics;
    }

    /** The sample event of a type, as JSON text. */
    public static String sample(String type) {
        return resource("contracts/samples/" + type + ".json");
    }

    /**
     * Checks an event (a CloudEvent in structured JSON) against the schema of its {@code type}.
     *
     * @return the violations; empty when the event honours its contract
     */
    public static List<String> violations(String cloudEventJson) {
        JsonNode event = JSON.readTree(cloudEventJson);
        JsonNode type = event.get("type");
        if (type == null || !type.isString()) {
            return List.of("the event has no type");
        }
        if (EventContracts.class.getClassLoader().getResource(schemaPath(type.asString())) == null) {
            return List.of("no published schema for type " + type.asString());
        }
        Schema schema = SCHEMAS.computeIfAbsent(type.asString(),
                t -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + "schemas/" + t + ".schema.json")));
        return schema.validate(event).stream().map(Error::toString).toList();
    }

    private static String schemaPath(String type) {
        return "contracts/schemas/" + type + ".schema.json";
    }

    private static String resource(String path) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
