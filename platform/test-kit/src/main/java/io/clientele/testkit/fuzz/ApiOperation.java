package io.clientele.testkit.fuzz;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One operation of an API as a fuzz sweep needs it: where, which parameters, what body.
 *
 * @param path       the path template, e.g. {@code /api/v1/customers/{id}}
 * @param body       the request body, or null when it takes none
 * @param page       true when it answers HTML for browsers (its errors are pages, not problem documents)
 */
public record ApiOperation(String method, String path, List<Parameter> parameters, Body body, boolean page) {

    /** @param in {@code path}, {@code query} or {@code header}; schema already resolved where it was a reference */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** @param mediaType the type it declares first, preferring JSON */
    public record Body(String mediaType, JsonNode schema) {
    }

    public String key() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return key();
    }
}
