package io.clientele.testkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies for fuzz cases: where in a JSON body a value can be replaced, and multipart forms. */
final class Bodies {

    static final String CSV = "name,email\nFuzz Case,fuzz@example.cz\n";

    private Bodies() {
    }

    /** A form with a part for each property of the schema (a file for each binary one), boundary fuzzBoundary. */
    static byte[] multipart(JsonNode schema, String fileName, boolean closed) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonNode properties = SampleValues.variant(schema).path("properties");
        List<String> names = new ArrayList<>(properties.propertyNames());
        if (names.isEmpty()) {
            names.add("file");
        }
        for (String name : names) {
            JsonNode property = properties.path(name);
            boolean file = property.isMissingNode() || "binary".equals(property.path("format").asString(""));
            String part = "--fuzzBoundary\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (file ? "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv" : "") + "\r\n\r\n"
                    + (file ? CSV : "fuzz") + "\r\n";
            body.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (closed) {
            body.writeBytes("--fuzzBoundary--\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return body.toByteArray();
    }

    /** Every place in a JSON value (property names and array indexes), outermost first. */
    static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> into) {
        if (!at.isEmpty()) {
            into.add(List.copyOf(at));
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                List<Object> next = new ArrayList<>(at);
                next.add(field.getKey());
                collectPaths(field.getValue(), next, into);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            collectPaths(node.path(0), next, into);
        }
    }

    static JsonNode replaceAt(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof Integer index ? parent.path(index) : parent.path((String) path.get(i));
        }
        Object last = path.getLast();
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return root;
    }

    static String describe(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object part : path) {
            text.append(part instanceof Integer index ? "[" + index + "]" : (text.isEmpty() ? "" : ".") + part);
        }
        return text.toString();
    }
}
