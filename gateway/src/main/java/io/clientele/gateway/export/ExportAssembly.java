package io.clientele.gateway.export;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * C-12: asks every service for its part of a customer's export at once, with the caller's token, each within
 * the part timeout, and puts the parts side by side. It knows nothing of what a part holds: each service
 * exports its own data.
 */
@Component
class ExportAssembly {

    private static final Logger log = LoggerFactory.getLogger(ExportAssembly.class);

    private final ExportProperties properties;
    private final WebClient client;
    private final JsonMapper json;
    private final Clock clock;

    ExportAssembly(ExportProperties properties, ObservationRegistry observations, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        int limit = (int) Math.min(Integer.MAX_VALUE, properties.maxPartSize().toBytes());
        this.client = WebClient.builder().observationRegistry(observations)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(limit)).build();
    }

    /** Every part's outcome, in the configured order. */
    Mono<List<PartOutcome>> parts(String customerId, String authorization) {
        List<ExportProperties.Part> parts = properties.parts();
        return Flux.fromIterable(parts).flatMapSequential(part -> fetch(part, customerId, authorization), Math.max(1, parts.size()))
                .collectList();
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

    private Mono<PartOutcome> fetch(ExportProperties.Part part, String customerId, String authorization) {
        return client.get().uri(part.url(), Map.of("id", customerId))
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(JsonNode.class)
                                .<PartOutcome>map(body -> body.isObject() ? new PartOutcome.Delivered(part, body)
                                        : new PartOutcome.Unavailable(part, "answered something other than a JSON object"))
                                .defaultIfEmpty(new PartOutcome.Unavailable(part, "answered without a part"));
                    }
                    if (response.statusCode().is4xxClientError()) {
                        MediaType type = response.headers().contentType().orElse(MediaType.APPLICATION_PROBLEM_JSON);
                        return response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> new PartOutcome.Refused(part, response.statusCode(), type, body));
                    }
                    return response.releaseBody().thenReturn(new PartOutcome.Unavailable(part,
                            "answered " + response.statusCode().value()));
                })
                .timeout(properties.timeout())
                .onErrorResume(failure -> Mono.just(new PartOutcome.Unavailable(part, describe(part, failure))));
    }

    /** Said to the caller: what happened, without the internal addresses, which go to the log. */
    private String describe(ExportProperties.Part part, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "did not answer within " + properties.timeout().toMillis() + " ms";
        }
        log.warn("Export part of {} failed: {}", part.name(), failure.toString());
        if (failure instanceof WebClientRequestException) {
            return "could not be reached";
        }
        if (failure instanceof DataBufferLimitException) {
            return "answered a part larger than " + properties.maxPartSize() + " (clientele.export.max-part-size)";
        }
        return "failed (" + failure.getClass().getSimpleName() + ")";
    }
}
