package io.clientele.scenario.campaigns;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * S-3: asks customer-service for the ids of a campaign's customers, a keyset page at a time, with the caller's
 * token (customer-service checks the workspace and the role itself), through its public API: the group's members,
 * or the customer list with the campaign's filter, both sorted by creation so that the cursor carries a time and
 * a random id, never a name. Every call has a timeout and goes through one circuit breaker: when customer-service
 * is down, campaigns stop at once with a reason instead of each waiting out its own timeouts.
 */
@Component
class CustomerDirectory {

    static final int PAGE_SIZE = 200;
    private static final Logger log = LoggerFactory.getLogger(CustomerDirectory.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One page: the customers' ids and the cursor of the next page (null: this was the last). */
    record Page(List<UUID> customerIds, String nextCursor) {
    }

    /** customer-service could not answer (down, slow, 5xx, or the breaker is open): worth trying again later. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** customer-service answered, and the answer is no: a 4xx with its problem's detail. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }
    }

    private final HttpClient http;
    private final URI baseUrl;
    private final Duration timeout;
    private final CircuitBreaker breaker;

    CustomerDirectory(@Value("${clientele.scenario.customer-service.url}") URI baseUrl,
            @Value("${clientele.scenario.customer-service.timeout:PT10S}") Duration timeout,
            @Value("${clientele.scenario.customer-service.breaker.failure-rate:50}") float failureRate,
            @Value("${clientele.scenario.customer-service.breaker.minimum-calls:5}") int minimumCalls,
            @Value("${clientele.scenario.customer-service.breaker.open-for:PT30S}") Duration openFor,
            MeterRegistry meters) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(10, minimumCalls))
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(openFor)
                // a 4xx is customer-service working: only its absence counts
                .recordExceptions(Unavailable.class)
                .build());
        breaker = breakers.circuitBreaker("customer-service");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        breaker.getEventPublisher().onStateTransition(event ->
                log.warn("Circuit breaker of customer-service: {}", event.getStateTransition()));
    }

    /** A page of the campaign's customers after {@code cursor} (null: the first), at most {@code limit}. */
    Page page(CampaignSource source, String cursor, int limit, String bearerToken) {
        StringBuilder query = new StringBuilder("sort=createdAt&limit=").append(limit);
        if (cursor != null) {
            query.append("&cursor=").append(encode(cursor));
        }
        String path;
        if (source.groupId() != null) {
            path = "/api/v1/groups/" + source.groupId() + "/members";
        } else {
            path = "/api/v1/customers";
            for (Map.Entry<String, List<String>> parameter : source.filterParameters().entrySet()) {
                for (String value : parameter.getValue()) {
                    query.append('&').append(parameter.getKey()).append('=').append(encode(value));
                }
            }
        }
        JsonNode body = get(baseUrl.resolve(path + "?" + query), bearerToken);
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            ids.add(UUID.fromString(item.path("id").asString()));
        }
        JsonNode next = body.get("nextCursor");
        return new Page(ids, next == null || next.isNull() ? null : next.asString());
    }

    /** How many members the group has now (404: customer-service knows no such group in the caller's workspace). */
    int groupSize(UUID groupId, String bearerToken) {
        return get(baseUrl.resolve("/api/v1/groups/" + groupId), bearerToken).path("members").asInt();
    }

    private JsonNode get(URI uri, String bearerToken) {
        try {
            return breaker.executeSupplier(() -> call(uri, bearerToken));
        } catch (CallNotPermittedException open) {
            throw new Unavailable("customer-service unavailable: its circuit breaker is open after repeated"
                    + " failures", open);
        }
    }

    private JsonNode call(URI uri, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new Unavailable("customer-service unreachable or too slow (" + failure.getClass().getSimpleName()
                    + ")", failure);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting for customer-service", stopped);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new Unavailable("customer-service answered " + status, null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            throw new Unavailable("customer-service answered " + status + " without JSON", notJson);
        }
        if (status >= 400) {
            throw new Refused(status, body.path("detail").asString("customer-service answered " + status));
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    CircuitBreaker breaker() {
        return breaker;
    }
}
