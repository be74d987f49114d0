package io.clientele.gateway.overview;

import io.clientele.gateway.composition.PartFetcher;
import io.clientele.gateway.composition.PartOutcome;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * G-5: asks each owning service's existing API for its part of the customer overview at once, with the
 * caller's token, and puts the answers side by side as they came. It holds no domain logic: which figures,
 * which reservations are upcoming, which scenarios are active is each service's answer; a part that did not
 * come in time is marked unavailable with the reason, the rest is still given.
 */
@Component
class OverviewAssembly {

    private final OverviewProperties properties;
    private final PartFetcher fetcher;
    private final JsonMapper json;
    private final Clock clock;

    OverviewAssembly(OverviewProperties properties, ObservationRegistry observations, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.fetcher = new PartFetcher(observations, properties.maxPartSize());
    }

    /** Every part's outcome in the configured order, by the deadline at the latest. */
    Mono<List<PartOutcome>> parts(String customerId, String authorization) {
        return fetcher.fetchAll(properties.parts(), customerId, authorization, properties::timeoutOf);
    }

    /**
     * {@code {customerId, assembledAt, complete, unavailable: [names], parts: {name: {status: "available",
     * service, data} | {status: "unavailable", service, reason}}}}.
     */
    ObjectNode document(String customerId, List<PartOutcome> outcomes) {
        ObjectNode document = json.createObjectNode();
        document.put("customerId", customerId);
        document.put("assembledAt", clock.instant().toString());
        ArrayNode unavailable = json.createArrayNode();
        ObjectNode parts = json.createObjectNode();
        for (PartOutcome outcome : outcomes) {
            ObjectNode part = parts.putObject(outcome.part().name());
            part.put("service", outcome.part().service());
            outcome.missingBecause().ifPresentOrElse(reason -> {
                part.put("status", "unavailable");
                part.put("reason", reason);
                unavailable.add(outcome.part().name());
            }, () -> {
                part.put("status", "available");
                part.set("data", ((PartOutcome.Delivered) outcome).body());
            });
        }
        document.put("complete", unavailable.isEmpty());
        document.set("unavailable", unavailable);
        document.set("parts", parts);
        return document;
    }
}
