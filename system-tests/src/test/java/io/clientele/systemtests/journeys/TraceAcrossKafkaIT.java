package io.clientele.systemtests.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.systemtests.system.ClienteleSystem;
import io.clientele.systemtests.system.ClienteleSystem.Service;
import io.clientele.systemtests.system.ZipkinServer;
import io.clientele.systemtests.system.ZipkinServer.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request through the gateway is one trace, across Kafka: staff create a customer through the gateway,
 * customer-service stores it and its customer.created event in the outbox, the relay sends the event, and
 * communication-service applies it. Every process is real (the jars, the embedded broker, Zipkin's server),
 * and the trace is read back from Zipkin the way an operator would find it.
 */
class TraceAcrossKafkaIT {

    private static final UUID WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-00000000a017");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ClienteleSystem system;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = ClienteleSystem.with(Service.CUSTOMER, Service.COMMUNICATION).tracing().start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aCustomerCreatedThroughTheGatewayIsOneTraceFromTheGatewayToTheConsumerOfItsEvent() throws Exception {
        // The caller is a traced front end: its traceparent names the trace the gateway continues.
        String traceId = hex(16);
        String callerSpan = hex(8);
        String token = system.token(WORKSPACE, "staff-trace", "STAFF");

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(system.gatewayUrl() + "/api/v1/customers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"firstName": "Tereza", "lastName": "Stopová", "email": "tereza.trace@example.cz",
                         "marketingConsent": true}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String customerId = JSON.readTree(created.body()).path("id").asString();

        List<Span> trace = awaitTrace(traceId, spans -> spans.stream().anyMatch(span ->
                span.service().equals("communication-service") && span.name().equals("customer.events process")));
        Map<String, Span> byId = trace.stream().collect(Collectors.toMap(Span::id, Function.identity(), (a, b) -> a));

        Span gateway = only(trace, span -> span.service().equals("gateway") && "SERVER".equals(span.kind()));
        assertThat(gateway.parentId()).as("the gateway continues the caller's trace").isEqualTo(callerSpan);

        Span customerService = only(trace, span -> span.service().equals("customer-service")
                && "SERVER".equals(span.kind()));
        assertThat(ancestors(customerService, byId)).as("customer-service's request is part of the gateway's")
                .contains(gateway.id());

        Span sent = only(trace, span -> span.service().equals("customer-service") && "PRODUCER".equals(span.kind()));
        assertThat(sent.name()).isEqualTo("customer.events send");
        assertThat(sent.remoteService()).isEqualTo("kafka");
        assertThat(ancestors(sent, byId)).as("the relay's send continues the request that wrote the event")
                .contains(customerService.id());

        Span received = only(trace, span -> span.service().equals("communication-service")
                && "CONSUMER".equals(span.kind()));
        assertThat(received.name()).isEqualTo("customer.events receive");
        assertThat(received.parentId()).as("the consumer's span is a child of the producer's").isEqualTo(sent.id());

        Span processed = only(trace, span -> span.service().equals("communication-service")
                && span.name().equals("customer.events process"));
        assertThat(processed.parentId()).as("the consumer's work is inside its span").isEqualTo(received.id());

        // And what the trace says happened did: communication-service knows the customer's consent.
        HttpResponse<String> preferences = http.send(HttpRequest.newBuilder(
                URI.create(system.gatewayUrl() + "/api/v1/preferences/" + customerId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preferences.statusCode()).as(preferences.body()).isEqualTo(200);
        assertThat(JSON.readTree(preferences.body()).path("subscriptionState").asString()).isEqualTo("SUBSCRIBED");
    }

    private static List<Span> awaitTrace(String traceId, Predicate<List<Span>> complete)
            throws Exception {
        ZipkinServer zipkin = system.zipkin();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<Span> spans = List.of();
        while (Instant.now().isBefore(deadline)) {
            spans = zipkin.trace(traceId);
            if (complete.test(spans)) {
                // the services report spans each second: one more round for the ones still on their way
                Thread.sleep(1500);
                return zipkin.trace(traceId);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("trace " + traceId + " did not reach communication-service within 60 s; Zipkin has "
                + spans + " (logs: " + system.logs() + ")");
    }

    private static Span only(List<Span> trace, Predicate<Span> which) {
        List<Span> found = trace.stream().filter(which).toList();
        assertThat(found).as("in trace %s", trace).hasSize(1);
        return found.getFirst();
    }

    private static List<String> ancestors(Span span, Map<String, Span> byId) {
        List<String> ids = new ArrayList<>();
        String parent = span.parentId();
        while (parent != null && ids.size() < 100) {
            ids.add(parent);
            parent = Optional.ofNullable(byId.get(parent)).map(Span::parentId).orElse(null);
        }
        return ids;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
