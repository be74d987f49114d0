package io.clientele.gateway.export;

import io.clientele.gateway.composition.PartFetcher;
import io.clientele.gateway.composition.PartOutcome;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * C-12: asks every service for its part of a customer's export at once, with the caller's token, each within
 * the part timeout, and puts the parts side by side. It knows nothing of what a part holds: each service
 * exports its own data.
 */
@Component
class ExportAssembly {

    private final ExportProperties properties;
    private final PartFetcher fetcher;
    private final JsonMapper json;
    private final Clock clock;

    ExportAssembly(ExportProperties properties, ObservationRegistry observations, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.fetcher = new PartFetcher(observations, properties.maxPartSize());
    }

    /** Every part's outcome, in the configured order. */
    Mono<List<PartOutcome>> parts(String customerId, String authorization) {
        return fetcher.fetchAll(properties.parts(), customerId, authorization, part -> part.timeoutOr(properties.timeout()))
                .map(outcomes -> outcomes.stream().map(ExportAssembly::wholeDocument).toList());
    }

    /** Each service exports one JSON object with its sections; anything else is no part. */
    private static PartOutcome wholeDocument(PartOutcome outcome) {
        return outcome instanceof PartOutcome.Delivered delivered && !delivered.body().isObject()
                ? new PartOutcome.Unavailable(outcome.part(), "answered something other than a JSON object")
                : outcome;
    }

    /** The document: the parts under their services' names, as each service wrote them. */
    ObjectNode document(String customerId, List<PartOutcome> outcomes) {
        ObjectNode document = json.createObjectNode();
        document.put("customerId", customerId);
        document.put("exportedAt", clock.instant().toString());
        // Every part states the workspace its token named; they agree, the first says it for all.
        outcomes.stream().map(outcome -> ((PartOutcome.Delivered) outcome).body().get("workspaceId"))
                .filter(workspace -> workspace != null && workspace.isString()).findFirst()
                .ifPresent(workspace -> document.set("workspaceId", workspace));
        ObjectNode parts = document.putObject("parts");
        outcomes.forEach(outcome -> parts.set(outcome.part().name(), ((PartOutcome.Delivered) outcome).body()));
        return document;
    }
}
