package io.clientele.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An {@code If-Match} that names a version other than the current one. */
public class PreconditionFailedException extends ErrorResponseException {

    public PreconditionFailedException(String detail) {
        super(HttpStatus.PRECONDITION_FAILED, Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "Precondition failed", detail), null);
    }
}
