package io.clientele.platform.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Input that is well-formed but breaks a rule that bean validation cannot express (a phone number that
 * is not a number, a custom field the workspace never defined). Answered like bean-validation errors:
 * 400 with one entry per field.
 */
public class InvalidInputException extends ErrorResponseException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some fields are invalid; see errors"), null);
        this.violations = List.copyOf(violations);
        getBody().setProperty("errors", this.violations);
    }

    public static InvalidInputException of(String field, String code, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, code, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
