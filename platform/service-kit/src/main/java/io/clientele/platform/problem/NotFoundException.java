package io.clientele.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A resource that does not exist in the caller's workspace. Resources of another workspace answer
 * exactly the same way: their existence is never revealed.
 */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No " + resource + " with id " + id + " exists in this workspace"), null);
        getBody().setProperty("resource", resource);
    }
}
