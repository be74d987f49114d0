package io.clientele.customer.search;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The list's multi-value parameters as sent, before Spring converts them: an empty value ({@code
 * temperature=}, {@code status=NEW,,BLOCKED}, a NUL) converts to no value at all or to a null item, so
 * it could only be refused here. Refused, not ignored: {@code temperature=} asks for customers of some
 * temperature and names none, and listing everyone instead would answer another question.
 */
final class ListParameters {

    private ListParameters() {
    }

    /**
     * @param parameters the request's parameters, as the servlet API gives them
     * @param names      the multi-value parameters to check
     * @throws InvalidInputException naming each parameter with an empty value
     */
    static void requireNoEmptyValues(Map<String, String[]> parameters, String... names) {
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : names) {
            String[] values = parameters.get(name);
            // Spring trims each comma-separated value, so a NUL or a space is as empty as nothing.
            if (values != null && Arrays.stream(values)
                    .anyMatch(value -> Arrays.stream(value.split(",", -1)).anyMatch(item -> item.trim().isEmpty()))) {
                violations.add(new FieldViolation(name, "empty", "holds an empty value; name one or more values,"
                        + " separated by commas, or leave the parameter out"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
