package io.clientele.platform.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The request is valid but clashes with the current state (a duplicate, a stale version, an illegal move). */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String slug, String title, String detail) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, slug, title, detail), null);
    }

    /** A conflict on one field, reported with the field so a form can point at it. */
    public static ConflictException onField(String slug, String title, String field, String message) {
        ConflictException conflict = new ConflictException(slug, title, message);
        conflict.getBody().setProperty("errors", java.util.List.of(new FieldViolation(field, slug, message)));
        return conflict;
    }
}
