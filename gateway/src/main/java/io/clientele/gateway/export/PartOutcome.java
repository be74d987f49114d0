package io.clientele.gateway.export;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** What asking one service for its part came to. */
sealed interface PartOutcome {

    ExportProperties.Part part();

    /** The service answered with its part. */
    record Delivered(ExportProperties.Part part, JsonNode body) implements PartOutcome {
    }

    /** The service refused with a 4xx: the caller's token, or (customer-service) no such customer. */
    record Refused(ExportProperties.Part part, HttpStatusCode status, MediaType contentType, String body)
            implements PartOutcome {

        boolean refusesTheCaller() {
            return status.value() == 401 || status.value() == 403;
        }
    }

    /** No part: the service is down, slow, failing, or answered what it should not have. */
    record Unavailable(ExportProperties.Part part, String reason) implements PartOutcome {
    }
}
