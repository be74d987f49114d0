package io.clientele.communication.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.TestProviders;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** M-5 against a real HTTP server as the SMS provider (WireMock): the request, retries and the circuit breaker. */
@CommunicationIT
class SmsDeliveryIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    ProviderResilience resilience;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    CustomerEvents.Customer jana;

    @BeforeEach
    void workspaceWithACustomer() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
        jana = aCustomer().withPhone("+420603" + String.format("%06d", (int) (Math.random() * 1_000_000)));
        customers.created(jana, true, "STAFF");
        CustomerEvents.awaitKnown(staff, jana.id());
    }

    @AfterEach
    void restore() {
        customers.close();
        TestProviders.acceptEverySms();
        resilience.breaker(ProviderResilience.SMS).reset();
    }

    String sms(String text) {
        return (String) staff.postJson("/api/v1/messages", Map.of("customerId", jana.id(), "channel", "SMS",
                "category", "TRANSACTIONAL", "content", Map.of("text", text))).get("id");
    }

    void awaitState(String id, String state) {
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/messages/{id}", id).expectBody()
                    .jsonPath("$.state").isEqualTo(state));
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            throw new AssertionError("not " + state + ": " + staff.get("/api/v1/messages/{id}/why", id)
                    .returnResult(String.class).getResponseBody(), timeout);
        }
    }

    List<LoggedRequest> requestsTo(String phone) {
        return TestProviders.sms().findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }

    @Test
    void anSmsGoesToTheProvidersApiWithTheKeyAndTheMessagesIdAsIdempotencyKey() {
        TestProviders.sms().stubFor(post("/messages").willReturn(jsonResponse("{\"id\": \"prov-42\"}", 201)));

        String id = sms("Zítra v 14:00, {{customer.firstName}}. Salon Lilie");
        awaitState(id, "SENT");

        List<LoggedRequest> requests = requestsTo(jana.phone());
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.getFirst();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestProviders.SMS_API_KEY);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id);
        assertThat(equalToJson("{\"to\": \"" + jana.phone() + "\", \"from\": \"Clientele\", "
                + "\"text\": \"Zítra v 14:00, Jana. Salon Lilie\", \"reference\": \"" + id + "\"}")
                .match(request.getBodyAsString()).isExactMatch()).isTrue();
        staff.get("/api/v1/messages/{id}", id).expectBody()
                .jsonPath("$.provider").isEqualTo("sms-http")
                .jsonPath("$.providerMessageId").isEqualTo("prov-42")
                .jsonPath("$.content.to").isEqualTo(jana.phone());
    }

    @Test
    void aFailingProviderIsRetriedUnderTheSameIdempotencyKeyUntilItAccepts() {
        TestProviders.sms().stubFor(post("/messages").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        TestProviders.sms().stubFor(post("/messages").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("third"));
        TestProviders.sms().stubFor(post("/messages").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(jsonResponse("{\"id\": \"prov-3\"}", 200)));

        String id = sms("Hello");
        awaitState(id, "SENT");

        List<LoggedRequest> requests = requestsTo(jana.phone());
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(id);
        // two quick tries in the first attempt, then a later attempt
        staff.get("/api/v1/messages/{id}", id).expectBody().jsonPath("$.attempts").isEqualTo(2)
                .jsonPath("$.providerMessageId").isEqualTo("prov-3");
    }

    @Test
    void aMessageTheProviderRefusesFailsAtOnceWithItsReason() {
        TestProviders.sms().stubFor(post("/messages").willReturn(jsonResponse("{\"error\": \"invalid number\"}", 422)));

        String id = sms("Hello");
        awaitState(id, "FAILED");

        assertThat(requestsTo(jana.phone())).hasSize(1);
        staff.get("/api/v1/messages/{id}/why", id).expectBody()
                .jsonPath("$.reasonCode").isEqualTo("provider-rejected")
                .jsonPath("$.decisions[-1].detail").value(detail -> assertThat((String) detail)
                        .contains("422").contains("invalid number"));
    }

    @Test
    void everyFailedAttemptEndsAsProviderErrorAfterTheLastOne() {
        TestProviders.sms().stubFor(post("/messages").willReturn(aResponse().withStatus(500)));
        resilience.breaker(ProviderResilience.SMS).transitionToDisabledState();

        String id = sms("Hello");
        awaitState(id, "FAILED");

        staff.get("/api/v1/messages/{id}", id).expectBody().jsonPath("$.reasonCode").isEqualTo("provider-error")
                .jsonPath("$.attempts").isEqualTo(3);
        assertThat(requestsTo(jana.phone())).hasSize(6);
    }

    @Test
    void theCircuitBreakerOpensStopsCallingTheProviderAndClosesOnceItWorksAgain() {
        CircuitBreaker breaker = resilience.breaker(ProviderResilience.SMS);
        Map<CircuitBreaker.State, Instant> entered = new ConcurrentHashMap<>();
        breaker.getEventPublisher().onStateTransition(event ->
                entered.putIfAbsent(event.getStateTransition().getToState(), Instant.now()));
        TestProviders.sms().stubFor(post("/messages").willReturn(aResponse().withStatus(503)));

        List<String> ids = new ArrayList<>();
        ids.add(sms("one"));
        ids.add(sms("two"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        TestProviders.sms().stubFor(post("/messages").willReturn(jsonResponse("{\"id\": \"back\"}", 201)));
        ids.add(sms("three"));
        ids.add(sms("four"));
        ids.forEach(id -> awaitState(id, "SENT"));

        assertThat(entered).containsKeys(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN,
                CircuitBreaker.State.CLOSED);
        Instant open = entered.get(CircuitBreaker.State.OPEN);
        Instant halfOpen = entered.get(CircuitBreaker.State.HALF_OPEN);
        assertThat(Duration.between(open, halfOpen)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        // While open, the provider was not called at all.
        List<Instant> calls = requestsTo(jana.phone()).stream().map(r -> r.getLoggedDate().toInstant()).toList();
        assertThat(calls).noneMatch(at -> at.isAfter(open) && at.isBefore(halfOpen));
        assertThat(calls.stream().filter(at -> !at.isAfter(open))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        for (String id : ids.subList(2, 4)) {
            staff.get("/api/v1/messages/{id}/why", id).expectBody()
                    .jsonPath("$.decisions[?(@.reasonCode == 'circuit-open')]").exists();
        }
    }
}
