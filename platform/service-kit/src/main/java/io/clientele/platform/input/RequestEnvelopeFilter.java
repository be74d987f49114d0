package io.clientele.platform.input;

import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.ProblemWriter;
import io.clientele.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose envelope nothing after it can read, before anything tries: a query parameter that
 * is not UTF-8 or holds a NUL, a Content-Type that is a wildcard ({@code *}{@code /*}, which Spring's
 * request headers refuse with an exception) or no media type at all, a multipart body without its
 * boundary, and a form body the container cannot decode. Each of these was a 500 from deep inside the framework, on every operation of every service.
 */
class RequestEnvelopeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestEnvelopeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<FieldViolation> unreadable = QueryStrings.firstUnreadable(request.getQueryString());
        if (unreadable.isPresent()) {
            problems.write(response, invalid(unreadable.get()));
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            ProblemDetail refused = refusal(contentType);
            if (refused == null && isForm(contentType)) {
                refused = unreadableForm(request);
            }
            if (refused != null) {
                problems.write(response, refused);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static ProblemDetail invalid(FieldViolation violation) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                violation.field() + ": " + violation.message());
        problem.setProperty("errors", List.of(violation));
        return problem;
    }

    private static boolean isForm(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * A form body is read by the container when a parameter is first asked for, and a body that is not UTF-8,
     * or holds too many fields, throws there; asked here first, it is the client's 400.
     */
    private static ProblemDetail unreadableForm(HttpServletRequest request) {
        Map<String, String[]> fields;
        try {
            fields = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The form body could not be read: it is not UTF-8, is malformed or has too many fields");
        }
        for (Map.Entry<String, String[]> field : fields.entrySet()) {
            if (field.getKey().indexOf('\u0000') >= 0
                    || Arrays.stream(field.getValue()).anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                return invalid(new FieldViolation(field.getKey().replace('\u0000', '?'), "character",
                        "contains a NUL character (%00)"));
            }
        }
        return null;
    }

    private static ProblemDetail refusal(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            return unsupported("The Content-Type '" + printable(contentType) + "' is not a media type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return unsupported("The Content-Type names no media type (" + printable(contentType)
                    + "); send the body's own type, e.g. application/json");
        }
        if ("multipart".equalsIgnoreCase(type.getType()) && (type.getParameter("boundary") == null
                || type.getParameter("boundary").isBlank())) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "A multipart body needs the boundary parameter in its Content-Type");
        }
        return null;
    }

    private static ProblemDetail unsupported(String detail) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                detail);
    }

    private static String printable(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
