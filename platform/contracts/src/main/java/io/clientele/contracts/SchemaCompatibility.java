package io.clientele.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a reader written against one version of the event schemas can still read events that honour
 * the next version. Services are deployed one at a time, so a consumer keeps running on the contract it
 * was built with while the producer moves on; for every event type of the earlier version, the later one
 * must not
 * <ul>
 *   <li>drop the type, or a field a reader may use (removed properties);</li>
 *   <li>change what a field holds: a JSON type the reader does not expect (also a field that becomes
 *       nullable), another {@code format}, values outside its {@code const} or {@code enum} (a reader
 *       that switches over the known values meets one it does not know);</li>
 *   <li>require a field that was optional or did not exist (events already on the topic, and producers
 *       still on the earlier version, do not carry it).</li>
 * </ul>
 * What stays compatible: new optional fields, new event types, looser patterns and lengths, descriptions.
 * A change that breaks readers is published as a new type ({@code ...v2}) beside the old one until every
 * reader has moved. References ({@code $ref}) are followed within the schema directory.
 */
public final class SchemaCompatibility {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaCompatibility() {
    }

    /**
     * Compares every schema file of an earlier version (a directory of {@code *.schema.json}) with the same
     * file in a later version.
     *
     * @return what would break a reader, one line each ({@code order.placed.v1.schema.json: data.total: ...});
     *         empty when every reader of the earlier version reads the later one
     */
    public static List<String> breakingChanges(Path earlier, Path later) {
        Function<String, JsonNode> earlierFiles = directory(earlier);
        Function<String, JsonNode> laterFiles = directory(later);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(earlier)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".schema.json")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!Files.exists(later.resolve(name))) {
                    problems.add(name + ": the type is no longer published");
                    continue;
                }
                compare(name, "", new Resolved(earlierFiles.apply(name), name, earlierFiles),
                        new Resolved(laterFiles.apply(name), name, laterFiles), problems, new IdentityHashMap<>());
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return problems;
    }

    /** The same comparison for two single schemas without references to other files. */
    public static List<String> breakingChanges(String earlierSchema, String laterSchema) {
        List<String> problems = new ArrayList<>();
        JsonNode earlier = JSON.readTree(earlierSchema);
        JsonNode later = JSON.readTree(laterSchema);
        compare("schema", "",
                new Resolved(earlier, "schema", name -> earlier), new Resolved(later, "schema", name -> later),
                problems, new IdentityHashMap<>());
        return problems;
    }

    private static Function<String, JsonNode> directory(Path root) {
        Map<String, JsonNode> read = new LinkedHashMap<>();
        return name -> read.computeIfAbsent(name, n -> {
            try {
                return JSON.readTree(Files.readString(root.resolve(n)));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
    }

    private static void compare(String file, String path, Resolved earlierSchema, Resolved laterSchema, List<String> problems,
            Map<JsonNode, Boolean> seen) {
        Resolved earlier = resolve(earlierSchema.node(), earlierSchema.base(), earlierSchema.files());
        Resolved later = resolve(laterSchema.node(), laterSchema.base(), laterSchema.files());
        if (seen.put(earlier.node(), Boolean.TRUE) != null) {
            return; // a recursive definition already being compared
        }
        String where = file + ": " + (path.isEmpty() ? "(the event)" : path);
        Set<String> earlierTypes = types(earlier);
        Set<String> laterTypes = types(later);
        if (!earlierTypes.isEmpty() && (laterTypes.isEmpty() || !earlierTypes.containsAll(laterTypes))) {
            problems.add(where + ": holds " + describe(laterTypes) + " where readers expect " + describe(earlierTypes));
        }
        String earlierFormat = text(earlier.node(), "format");
        if (earlierFormat != null && !earlierFormat.equals(text(later.node(), "format"))) {
            problems.add(where + ": format " + earlierFormat + " became " + text(later.node(), "format"));
        }
        Set<String> earlierValues = values(earlier);
        Set<String> laterValues = values(later);
        if (earlierValues != null && (laterValues == null || !earlierValues.containsAll(laterValues))) {
            Set<String> unknown = laterValues == null ? Set.of("any value") : new TreeSet<>(laterValues);
            if (laterValues != null) {
                unknown.removeAll(earlierValues);
            }
            problems.add(where + ": values readers do not know: " + unknown);
        }
        Map<String, Resolved> earlierProperties = properties(earlier);
        Map<String, Resolved> laterProperties = properties(later);
        for (var property : earlierProperties.entrySet()) {
            String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            Resolved match = laterProperties.get(property.getKey());
            if (match == null) {
                problems.add(file + ": " + child + ": removed");
            } else {
                compare(file, child, property.getValue(), match, problems, seen);
            }
        }
        Set<String> newlyRequired = new TreeSet<>(required(later));
        newlyRequired.removeAll(required(earlier));
        newlyRequired.forEach(name -> problems.add(file + ": " + (path.isEmpty() ? name : path + "." + name)
                + ": required now, optional or absent before"));
        for (String nested : List.of("items", "additionalProperties")) {
            JsonNode earlierChild = earlier.node().get(nested);
            JsonNode laterChild = later.node().get(nested);
            if (earlierChild != null && earlierChild.isObject() && laterChild != null && laterChild.isObject()) {
                compare(file, path + "[" + nested + "]", new Resolved(earlierChild, earlier.base(), earlier.files()),
                        new Resolved(laterChild, later.base(), later.files()), problems, seen);
            }
        }
        seen.remove(earlier.node());
    }

    /** A schema node, the file its own references are relative to, and the files of its version. */
    private record Resolved(JsonNode node, String base, Function<String, JsonNode> files) {
    }

    private static Resolved resolve(JsonNode node, String base, Function<String, JsonNode> files) {
        JsonNode current = node;
        String file = base;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asString();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            if (!target.isEmpty()) {
                file = target.substring(target.lastIndexOf('/') + 1);
            }
            JsonNode document = files.apply(file);
            current = hash < 0 || hash == ref.length() - 1 ? document : document.at(ref.substring(hash + 1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("Unresolvable $ref " + ref + " in " + base);
            }
        }
        return new Resolved(current, file, files);
    }

    /** The alternatives a node allows (oneOf / anyOf), or the node itself. */
    private static List<Resolved> alternatives(Resolved schema) {
        List<Resolved> alternatives = new ArrayList<>();
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode options = schema.node().get(keyword);
            if (options != null && options.isArray()) {
                options.forEach(option -> alternatives.add(resolve(option, schema.base(), schema.files())));
            }
        }
        return alternatives;
    }

    private static Set<String> types(Resolved schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.node().get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asString()));
            } else {
                types.add(type.asString());
            }
        } else if (schema.node().has("const")) {
            types.add(jsonType(schema.node().get("const")));
        } else if (schema.node().has("enum")) {
            schema.node().get("enum").forEach(value -> types.add(jsonType(value)));
        } else {
            for (Resolved alternative : alternatives(schema)) {
                Set<String> some = types(alternative);
                if (some.isEmpty()) {
                    return Set.of(); // one alternative allows anything
                }
                types.addAll(some);
            }
        }
        // An integer is a number to a reader of numbers.
        if (types.contains("number")) {
            types.remove("integer");
        }
        return types;
    }

    /** The values a node allows (const / enum, also through its alternatives), or null when not a closed set. */
    private static Set<String> values(Resolved schema) {
        if (schema.node().has("const")) {
            return Set.of(schema.node().get("const").toString());
        }
        if (schema.node().has("enum")) {
            Set<String> values = new LinkedHashSet<>();
            schema.node().get("enum").forEach(value -> values.add(value.toString()));
            return values;
        }
        List<Resolved> alternatives = alternatives(schema);
        if (alternatives.isEmpty()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (Resolved alternative : alternatives) {
            Set<String> some = values(alternative);
            if (some == null) {
                if (!types(alternative).equals(Set.of("null"))) {
                    return null;
                }
                values.add("null");
            } else {
                values.addAll(some);
            }
        }
        return values;
    }

    /** Properties declared on the node and on its alternatives and allOf parts. */
    private static Map<String, Resolved> properties(Resolved schema) {
        Map<String, Resolved> properties = new LinkedHashMap<>();
        JsonNode declared = schema.node().get("properties");
        if (declared != null) {
            declared.properties().forEach(entry -> properties.put(entry.getKey(), new Resolved(entry.getValue(),
                    schema.base(), schema.files())));
        }
        List<Resolved> parts = new ArrayList<>(alternatives(schema));
        JsonNode allOf = schema.node().get("allOf");
        if (allOf != null && allOf.isArray()) {
            allOf.forEach(part -> parts.add(resolve(part, schema.base(), schema.files())));
        }
        for (Resolved part : parts) {
            properties(part).forEach(properties::putIfAbsent);
        }
        return properties;
    }

    private static Set<String> required(Resolved schema) {
        Set<String> required = new TreeSet<>();
        JsonNode names = schema.node().get("required");
        if (names != null && names.isArray()) {
            names.forEach(name -> required.add(name.asString()));
        }
        JsonNode allOf = schema.node().get("allOf");
        if (allOf != null && allOf.isArray()) {
            allOf.forEach(part -> required.addAll(required(resolve(part, schema.base(), schema.files()))));
        }
        return required;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asString();
    }

    private static String jsonType(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        return value.isArray() ? "array" : "object";
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any type" : String.join(" or ", types);
    }
}
