package io.clientele.gateway.composition;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's one fan-out: asks every part's service at once, with the caller's token (each service checks
 * it and keeps to the token's workspace), each within its timeout, and tells what each came to. It never
 * fails and never waits longer than the longest timeout: a service down, slow or failing is an
 * {@link PartOutcome.Unavailable} with a reason the caller may read. What a part holds it does not know.
 */
public final class PartFetcher {

    private static final Logger log = LoggerFactory.getLogger(PartFetcher.class);

    private final WebClient client;
    private final DataSize maxPartSize;

    public PartFetcher(ObservationRegistry observations, DataSize maxPartSize) {
        this.maxPartSize = maxPartSize;
        int limit = (int) Math.min(Integer.MAX_VALUE, maxPartSize.toBytes());
        this.client = WebClient.builder().observationRegistry(observations)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(limit)).build();
    }

    /** Every part's outcome, in the order of {@code parts}. */
    public Mono<List<PartOutcome>> fetchAll(List<PartRequest> parts, String customerId, String authorization,
            Function<PartRequest, Duration> timeout) {
        return Flux.fromIterable(parts)
                .flatMapSequential(part -> fetch(part, customerId, authorization, timeout.apply(part)),
                        Math.max(1, parts.size()))
                .collectList();
    }

    private Mono<PartOutcome> fetch(PartRequest part, String customerId, String authorization, Duration timeout) {
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
                                .map(body -> delivered(part, body))
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
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(new PartOutcome.Unavailable(part, describe(part, failure, timeout))));
    }

    private static PartOutcome delivered(PartRequest part, JsonNode body) {
        if (part.select() == null) {
            return new PartOutcome.Delivered(part, body);
        }
        JsonNode piece = body.at(part.select());
        return piece.isMissingNode() ? new PartOutcome.Unavailable(part, "answered without " + part.select())
                : new PartOutcome.Delivered(part, piece);
    }

    /** Said to the caller: what happened, without the internal addresses, which go to the log. */
    private String describe(PartRequest part, Throwable failure, Duration timeout) {
        if (failure instanceof TimeoutException) {
            return "did not answer within " + timeout.toMillis() + " ms";
        }
        log.warn("Part {} from {} failed: {}", part.name(), part.service(), failure.toString());
        if (failure instanceof WebClientRequestException) {
            return "could not be reached";
        }
        if (failure instanceof DataBufferLimitException) {
            return "answered a part larger than the " + maxPartSize + " limit";
        }
        return "failed (" + failure.getClass().getSimpleName() + ")";
    }
}
