package io.clientele.testkit.fuzz;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Resolves {@code $ref}s ({@code #/components/...}) of one OpenAPI document. */
final class Schemas {

    /** JSON levels (a property is two: its name and its schema); a self-referencing schema stops here. */
    private static final int MAX_DEPTH = 16;

    private final JsonNode root;

    Schemas(JsonNode root) {
        this.root = root;
    }

    /** The node a reference points at (the node itself when it is none). */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String reference = current.path("$ref").asString("");
            if (!reference.startsWith("#/")) {
                return current;
            }
            JsonNode target = root;
            for (String part : reference.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    /** A copy of a schema with every reference in it replaced by what it points at. */
    JsonNode inline(JsonNode schema) {
        return inline(schema, 0);
    }

    private JsonNode inline(JsonNode node, int depth) {
        JsonNode resolved = resolve(node);
        if (depth > MAX_DEPTH) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (resolved.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : resolved.properties()) {
                copy.set(field.getKey(), inline(field.getValue(), depth + 1));
            }
            return copy;
        }
        if (resolved.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            resolved.forEach(element -> copy.add(inline(element, depth + 1)));
            return copy;
        }
        return resolved;
    }
}
