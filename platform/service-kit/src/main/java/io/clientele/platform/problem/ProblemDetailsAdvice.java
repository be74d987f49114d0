package io.clientele.platform.problem;

import io.clientele.platform.json.NulFreeText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.ResolvableType;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * The one error handler of every service: each failure becomes an RFC 9457 problem document with a
 * stable type URI; invalid input names every offending field; a request a client could have got right
 * never ends in a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error -> violations.add(violation(error)));
        ex.getBindingResult().getGlobalErrors().forEach(error -> violations.add(
                new FieldViolation(error.getObjectName(), error.getCode(), error.getDefaultMessage())));
        return validationProblem(violations, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : parameter;
                violations.add(new FieldViolation(field, code(error), error.getDefaultMessage()));
            }
        });
        return validationProblem(violations, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        // A list parameter (Set<Status>) is described by its items: the values it may hold.
        Class<?> required = ex instanceof MethodArgumentTypeMismatchException mismatch
                && Collection.class.isAssignableFrom(mismatch.getParameter().getParameterType())
                ? ResolvableType.forMethodParameter(mismatch.getParameter()).asCollection().resolveGeneric(0)
                : ex.getRequiredType();
        return validationProblem(List.of(new FieldViolation(field, "type",
                "'" + ex.getValue() + "' is not a valid " + describe(required))), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        DatabindException binding = firstOfType(ex, DatabindException.class);
        if (binding != null) {
            FieldViolation violation = bindingViolation(binding);
            if (violation != null) {
                return validationProblem(List.of(violation), headers);
            }
        }
        String detail = cause instanceof StreamReadException read && read.getLocation() != null
                ? "The body is not valid JSON (line " + read.getLocation().getLineNr() + ", column "
                        + read.getLocation().getColumnNr() + ")"
                : ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                        ? "A request body is required"
                        : "The body could not be read as JSON of the expected shape";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<FieldViolation> violations = ex.getConstraintViolations().stream()
                .map(v -> new FieldViolation(leafPath(v.getPropertyPath().toString()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        v.getMessage()))
                .toList();
        return validationProblem(violations, new HttpHeaders());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail handleOptimisticLock(OptimisticLockingFailureException ex, HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            // The request named the version it was made for, and a write released at the same moment
            // changed that version first: its precondition failed (RFC 9110), whichever check noticed it,
            // the service's own comparison or the store's version column.
            return Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                    "The resource was changed since the version in If-Match; read it again");
        }
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Someone else changed this resource at the same time; reload it and try again");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail handleIntegrityViolation(DataIntegrityViolationException ex) {
        // Services check their rules before writing; reaching here means a race between two writers
        // (two requests creating the same e-mail at once, say): the database kept the data consistent.
        log.warn("Integrity violation answered as 409: {}", ex.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The change conflicts with data saved at the same time; reload and try again");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail handleAccessDenied(AccessDeniedException ex) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this operation");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex) {
        // RFC 6750: a 401 says which scheme would do, as the security filter chain's 401s do.
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                        "A valid bearer token is required"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail handleUnexpected(Exception ex, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure {} on {} {}", incident, request.getMethod(), request.getRequestURI(), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident + " when reporting it");
        problem.setProperty("incident", incident);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(Problems.type(Problems.slugFor(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> validationProblem(List<FieldViolation> violations, HttpHeaders headers) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                violations.size() == 1 ? violations.getFirst().field() + ": " + violations.getFirst().message()
                        : violations.size() + " fields are invalid; see errors");
        problem.setProperty("errors", violations);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static FieldViolation bindingViolation(DatabindException ex) {
        String field = path(ex);
        return switch (ex) {
            case UnrecognizedPropertyException unknown -> new FieldViolation(field, "unknown",
                    "unknown field '" + unknown.getPropertyName() + "'");
            case InvalidNullException nul -> new FieldViolation(field, "null", "must not be null");
            case InvalidFormatException format when format.getValue() instanceof String text
                    && NulFreeText.hasNul(text) -> new FieldViolation(field, "character", NulFreeText.MESSAGE);
            case InvalidFormatException format when format.getTargetType() != null
                    && format.getTargetType().isEnum() -> new FieldViolation(field, "enum",
                    "'" + format.getValue() + "' is not one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
            case InvalidFormatException format -> new FieldViolation(field, "type",
                    "'" + format.getValue() + "' is not a valid " + describe(format.getTargetType()));
            case ValueInstantiationException instantiation -> new FieldViolation(field, "invalid",
                    instantiation.getCause() != null && instantiation.getCause().getMessage() != null
                            ? instantiation.getCause().getMessage() : "invalid value");
            case MismatchedInputException mismatch -> new FieldViolation(field, "type",
                    "expected " + describe(mismatch.getTargetType()));
            default -> null;
        };
    }

    /** The outermost cause of a type: Jackson wraps parse failures (a bad date, say) around their own causes. */
    private static <T extends Throwable> T firstOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static FieldViolation violation(FieldError error) {
        return new FieldViolation(error.getField(), code(error), error.getDefaultMessage());
    }

    private static String code(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        if (codes == null || codes.length == 0) {
            return "invalid";
        }
        String last = codes[codes.length - 1];
        return last.contains(".") ? last.substring(last.lastIndexOf('.') + 1) : last;
    }

    private static String leafPath(String propertyPath) {
        // "create.request.email" -> "email": drop the method and parameter names.
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : propertyPath;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "UUID";
            case "Integer", "int", "Long", "long", "Short", "short" -> "whole number";
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Boolean", "boolean" -> "boolean (true or false)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "timestamp (ISO 8601, e.g. 2026-01-31T10:15:30Z)";
            case "String" -> "string";
            case "List", "Set", "Collection" -> "array";
            default -> type.getSimpleName().endsWith("Request") || type.getSimpleName().endsWith("Map")
                    ? "object" : type.getSimpleName();
        };
    }
}
