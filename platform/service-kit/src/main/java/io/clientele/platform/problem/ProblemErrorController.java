package io.clientele.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (rejected by the servlet container or a filter) are forwarded to
 * {@code /error}; they are answered as problem documents too instead of Boot's default error JSON.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly (GET /error), not forwarded with an error to report: there is no resource here.
            ProblemDetail missing = Problems.of(HttpStatus.NOT_FOUND, Problems.slugFor(HttpStatus.NOT_FOUND),
                    HttpStatus.NOT_FOUND.getReasonPhrase(), "No resource at " + request.getRequestURI());
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(missing);
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "Something went wrong on our side"
                : String.valueOf(request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        if (detail == null || detail.isBlank() || "null".equals(detail)) {
            detail = status.getReasonPhrase();
        }
        ProblemDetail problem = Problems.of(status, Problems.slugFor(status), status.getReasonPhrase(), detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
