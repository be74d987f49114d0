package io.clientele.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A resource that existed and was removed for good (an erased customer, say). */
public class GoneException extends ErrorResponseException {

    public GoneException(String slug, String title, String detail) {
        super(HttpStatus.GONE, Problems.of(HttpStatus.GONE, slug, title, detail), null);
    }
}
