package io.clientele.gateway.composition;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** What asking one service for its part came to. */
public sealed interface PartOutcome {

    PartRequest part();

    /** Why the document lacks this part, told to the caller; empty when it was delivered. */
    Optional<String> missingBecause();

    /**
     * The refusal that is the answer to the whole request, if any. The caller's token first (401, 403 from any
     * service): a refused token is the caller's to fix, whatever else happened. Then the part that decides
     * whether the customer exists: none (404), erased (410), not an id (400).
     */
    static Optional<Refused> decisiveRefusal(List<PartOutcome> outcomes) {
        return firstRefusal(outcomes, Refused::refusesTheCaller)
                .or(() -> firstRefusal(outcomes, refused -> refused.part().decidesExistence()));
    }

    private static Optional<Refused> firstRefusal(List<PartOutcome> outcomes, Predicate<Refused> which) {
        return outcomes.stream().filter(Refused.class::isInstance).map(Refused.class::cast).filter(which).findFirst();
    }

    /** The service answered with its part. */
    record Delivered(PartRequest part, JsonNode body) implements PartOutcome {

        @Override
        public Optional<String> missingBecause() {
            return Optional.empty();
        }
    }

    /** The service refused with a 4xx: the caller's token, or (customer-service) no such customer. */
    record Refused(PartRequest part, HttpStatusCode status, MediaType contentType, String body)
            implements PartOutcome {

        public boolean refusesTheCaller() {
            return status.value() == 401 || status.value() == 403;
        }

        @Override
        public Optional<String> missingBecause() {
            return Optional.of("answered " + status.value());
        }

        /** The service's own answer (its problem document), passed on as it came. */
        public ResponseEntity<String> relayed() {
            return ResponseEntity.status(status).contentType(contentType).body(body);
        }
    }

    /** No part: the service is down, slow, failing, or answered what it should not have. */
    record Unavailable(PartRequest part, String reason) implements PartOutcome {

        @Override
        public Optional<String> missingBecause() {
            return Optional.of(reason);
        }
    }
}
