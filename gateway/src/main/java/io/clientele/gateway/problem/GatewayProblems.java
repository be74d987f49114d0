package io.clientele.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The gateway's problem documents, with the same type URIs as the services' (service-kit's {@code Problems}):
 * a client cannot tell which layer refused it by the shape of the answer.
 */
final class GatewayProblems {

    static final String BASE = "https://clientele.io/problems/";

    private GatewayProblems() {
    }

    static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug(status.value())));
        problem.setTitle(title(status.value()));
        return problem;
    }

    /** The document as the wire sees it, for the places that write bytes themselves. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 431 -> "request-header-fields-too-large";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal" : "client-error";
        };
    }

    private static String title(int status) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return code instanceof org.springframework.http.HttpStatus known ? known.getReasonPhrase() : "Error " + status;
    }
}
