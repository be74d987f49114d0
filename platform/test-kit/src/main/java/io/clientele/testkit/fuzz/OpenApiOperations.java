package io.clientele.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of an OpenAPI 3 document (as springdoc serves it at {@code /v3/api-docs}), with its
 * parameters and body schema; {@code $ref}s are resolved against the document's components.
 */
public final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiOperations() {
    }

    public static List<ApiOperation> parse(String document) {
        JsonNode root = JSON.readTree(document);
        Schemas schemas = new Schemas(root);
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            JsonNode pathItem = path.getValue();
            for (String method : METHODS) {
                JsonNode operation = pathItem.get(method);
                if (operation == null) {
                    continue;
                }
                List<ApiOperation.Parameter> parameters = new ArrayList<>();
                addParameters(pathItem.path("parameters"), schemas, parameters);
                addParameters(operation.path("parameters"), schemas, parameters);
                operations.add(new ApiOperation(method.toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters),
                        body(schemas.resolve(operation.path("requestBody")), schemas), isPage(operation)));
            }
        }
        return List.copyOf(operations);
    }

    private static void addParameters(JsonNode declared, Schemas schemas, List<ApiOperation.Parameter> into) {
        for (JsonNode reference : declared) {
            JsonNode parameter = schemas.resolve(reference);
            String in = parameter.path("in").asString("");
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            into.add(new ApiOperation.Parameter(parameter.path("name").asString(""), in,
                    parameter.path("required").asBoolean(false), schemas.inline(parameter.path("schema"))));
        }
    }

    private static ApiOperation.Body body(JsonNode requestBody, Schemas schemas) {
        JsonNode content = requestBody.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        String chosen = content.has("application/json") ? "application/json" : content.propertyNames().iterator().next();
        return new ApiOperation.Body(chosen, schemas.inline(content.path(chosen).path("schema")));
    }

    /** A browser page: every content its successful answers declare is HTML. */
    private static boolean isPage(JsonNode operation) {
        boolean html = false;
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            for (String type : response.getValue().path("content").propertyNames()) {
                if (!type.startsWith("text/html")) {
                    return false;
                }
                html = true;
            }
        }
        return html;
    }
}
