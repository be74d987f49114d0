package io.clientele.platform.input;

import io.clientele.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart body the container could not parse (no boundary, cut short, a bad part header) is the
 * client's mistake: 400, not the 500 every unexpected exception becomes. Ahead of the general handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedMultipartAdvice {

    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformed(MultipartException ex) {
        if (ex instanceof MaxUploadSizeExceededException) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "The upload is larger than this service accepts");
        }
        String reason = ex.getMessage() != null && ex.getMessage().startsWith("The file name") ? ex.getMessage()
                : "The multipart body could not be read (cut short, or its parts are malformed)";
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", reason);
    }
}
