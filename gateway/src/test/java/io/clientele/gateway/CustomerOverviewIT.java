package io.clientele.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.spring.UseTestTokens;
import io.clientele.testkit.tokens.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * G-5 at the gateway: the overview asks each owning service's API at once with the caller's token and answers
 * with what it has by the deadline: a service down or slow leaves its parts marked unavailable, never a 500,
 * never a wait for the slowest. customer-service's 404 on the customer is the answer; no token is a 401.
 * The services are real HTTP servers standing in, answering on the paths the overview is configured with.
 */
@UseTestTokens
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "clientele.overview.part-timeout=600ms", "clientele.overview.deadline=900ms"})
class CustomerOverviewIT {

    static final String CUSTOMER = "0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10";
    static final UUID WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-000000000001");
    static final String STAFF_TOKEN = TestTokens.staff(WORKSPACE);

    static final String PROFILE = "{\"id\": \"" + CUSTOMER + "\", \"firstName\": \"Jana\", \"lastName\": \"Nováková\","
            + " \"status\": \"REGULAR\"}";
    static final String FIGURES = "{\"reservations\": 12, \"completed\": 9, \"noShows\": 1, \"cancellations\": 2,"
            + " \"upcoming\": 1, \"orders\": {\"placed\": 3, \"cancelled\": 1, \"turnover\": [{\"currency\": \"CZK\","
            + " \"amount\": 1250.50}]}}";
    static final String TIMELINE = "{\"planned\": [{\"type\": \"RESERVATION_UPCOMING\", \"title\": \"Haircut\"}],"
            + " \"past\": [], \"nextCursor\": null}";
    static final String PREFERENCES = "{\"customerId\": \"" + CUSTOMER + "\", \"subscriptionState\": \"SUBSCRIBED\","
            + " \"muted\": false, \"subscriptionSource\": \"BOOKING\"}";
    static final String MESSAGES = "{\"items\": [{\"title\": \"Reminder\", \"state\": \"DELIVERED\"}], \"nextCursor\": null}";
    static final String ENROLLMENTS = "[{\"scenarioName\": \"Reservation reminder\", \"status\": \"ACTIVE\"}]";
    static final String PLANNED_STEPS = "[{\"stepName\": \"SMS the day before\"}]";
    static final String ORDERS = "{\"items\": [{\"number\": 17, \"status\": \"CONFIRMED\"}], \"nextCursor\": null}";

    static final RecordingUpstream customerService = RecordingUpstream.answering(200, "{}");
    static final RecordingUpstream communicationService = RecordingUpstream.answering(200, "{}");
    static final RecordingUpstream scenarioService = RecordingUpstream.answering(200, "{}");
    static final RecordingUpstream orderLinkService = RecordingUpstream.answering(200, "{}");
    static final Map<String, RecordingUpstream> SERVICES = Map.of("customer-service", customerService,
            "communication-service", communicationService, "scenario-service", scenarioService,
            "order-link-service", orderLinkService);
    static final Map<String, String> PARTS_BY_SERVICE = Map.of("profile", "customer-service",
            "summary", "customer-service", "upcomingReservations", "customer-service",
            "preferences", "communication-service", "lastMessages", "communication-service",
            "activeScenarios", "scenario-service", "plannedSteps", "scenario-service", "openOrders", "order-link-service");

    @DynamicPropertySource
    static void servicesFromTheStandIns(DynamicPropertyRegistry properties) {
        properties.add("clientele.services.customer-url", customerService::url);
        properties.add("clientele.services.communication-url", communicationService::url);
        properties.add("clientele.services.scenario-url", scenarioService::url);
        properties.add("clientele.services.order-link-url", orderLinkService::url);
    }

    @AfterAll
    static void stopTheStandIns() {
        SERVICES.values().forEach(RecordingUpstream::close);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void everyServiceAnswers() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10))
                .build();
        String customer = "/api/v1/customers/" + CUSTOMER;
        customerService.answerOn(customer, 200, "application/json", PROFILE)
                .answerOn(customer + "/overview", 200, "application/json", FIGURES)
                .answerOn(customer + "/timeline", 200, "application/json", TIMELINE);
        communicationService.answerOn("/api/v1/preferences/" + CUSTOMER, 200, "application/json", PREFERENCES)
                .answerOn("/api/v1/messages", 200, "application/json", MESSAGES);
        scenarioService.answerOn(customer + "/enrollments", 200, "application/json", ENROLLMENTS)
                .answerOn(customer + "/planned-steps", 200, "application/json", PLANNED_STEPS);
        orderLinkService.answerOn(customer + "/orders", 200, "application/json", ORDERS);
        SERVICES.values().forEach(service -> service.answer(404, "{\"status\": 404}").forget());
    }

    @Test
    void everyPartComesFromItsServiceAskedWithTheCallersToken() throws InterruptedException {
        overview().expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.customerId").isEqualTo(CUSTOMER)
                .jsonPath("$.complete").isEqualTo(true)
                .jsonPath("$.unavailable").isEmpty()
                .jsonPath("$.parts.profile.status").isEqualTo("available")
                .jsonPath("$.parts.profile.service").isEqualTo("customer-service")
                .jsonPath("$.parts.profile.data.status").isEqualTo("REGULAR")
                .jsonPath("$.parts.summary.data.completed").isEqualTo(9)
                .jsonPath("$.parts.summary.data.orders.turnover[0].amount").isEqualTo(1250.50)
                .jsonPath("$.parts.upcomingReservations.data[0].title").isEqualTo("Haircut")
                .jsonPath("$.parts.preferences.data.subscriptionState").isEqualTo("SUBSCRIBED")
                .jsonPath("$.parts.lastMessages.data[0].title").isEqualTo("Reminder")
                .jsonPath("$.parts.activeScenarios.data[0].scenarioName").isEqualTo("Reservation reminder")
                .jsonPath("$.parts.plannedSteps.data[0].stepName").isEqualTo("SMS the day before")
                .jsonPath("$.parts.openOrders.data[0].number").isEqualTo(17);

        assertThat(requests(customerService)).containsExactlyInAnyOrder("/api/v1/customers/" + CUSTOMER,
                "/api/v1/customers/" + CUSTOMER + "/overview",
                "/api/v1/customers/" + CUSTOMER + "/timeline?type=RESERVATION_UPCOMING&limit=1");
        assertThat(requests(communicationService)).containsExactlyInAnyOrder("/api/v1/preferences/" + CUSTOMER,
                "/api/v1/messages?customerId=" + CUSTOMER + "&limit=5");
        assertThat(requests(scenarioService)).containsExactlyInAnyOrder("/api/v1/customers/" + CUSTOMER + "/enrollments",
                "/api/v1/customers/" + CUSTOMER + "/planned-steps");
        assertThat(requests(orderLinkService)).containsExactly("/api/v1/customers/" + CUSTOMER + "/orders?open=true&limit=20");
    }

    @Test
    void eachServiceDownInTurnLeavesOnlyItsPartsUnavailable() {
        for (Map.Entry<String, RecordingUpstream> service : SERVICES.entrySet()) {
            if (service.getKey().equals("customer-service")) {
                continue; // below: without it there is no telling whether the customer exists, still no 500
            }
            service.getValue().down();
            try {
                List<String> expected = partsOf(service.getKey());
                overview().expectStatus().isOk().expectBody()
                        .jsonPath("$.complete").isEqualTo(false)
                        .jsonPath("$.unavailable").value(names -> assertThat(names(names))
                                .containsExactlyInAnyOrderElementsOf(List.copyOf(expected)))
                        .jsonPath("$.parts." + expected.getFirst() + ".status").isEqualTo("unavailable")
                        .jsonPath("$.parts." + expected.getFirst() + ".service").isEqualTo(service.getKey())
                        .jsonPath("$.parts." + expected.getFirst() + ".reason").isEqualTo("could not be reached")
                        .jsonPath("$.parts." + expected.getFirst() + ".data").doesNotExist()
                        .jsonPath("$.parts.profile.status").isEqualTo("available");
            } finally {
                service.getValue().up();
            }
        }
    }

    @Test
    void withCustomerServiceDownTheOtherPartsAreStillGiven() {
        customerService.down();
        try {
            overview().expectStatus().isOk().expectBody()
                    .jsonPath("$.unavailable").value(names -> assertThat(names(names))
                            .containsExactlyInAnyOrder("profile", "summary", "upcomingReservations"))
                    .jsonPath("$.parts.profile.reason").isEqualTo("could not be reached")
                    .jsonPath("$.parts.openOrders.status").isEqualTo("available");
        } finally {
            customerService.up();
        }
    }

    @Test
    void aSlowServiceIsNotWaitedForTheAnswerComesByTheDeadline() {
        scenarioService.answerEveryPathAlike().answer(200, "application/json", ENROLLMENTS, Duration.ofSeconds(3));
        try {
            long started = System.nanoTime();
            overview().expectStatus().isOk().expectBody()
                    .jsonPath("$.unavailable").value(names -> assertThat(names(names))
                            .containsExactlyInAnyOrder("activeScenarios", "plannedSteps"))
                    .jsonPath("$.parts.activeScenarios.reason").isEqualTo("did not answer within 600 ms")
                    .jsonPath("$.parts.openOrders.status").isEqualTo("available");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            // the deadline is 900 ms; the slow service would have taken 3 s
            assertThat(took).isLessThan(Duration.ofMillis(1500));
        } finally {
            scenarioService.answer(404, "{}");
        }
    }

    @Test
    void customerServiceSaying404MeansNoSuchCustomer() {
        String notFound = "{\"type\": \"https://clientele.io/problems/not-found\", \"title\": \"Not Found\", \"status\": 404}";
        customerService.answerEveryPathAlike().answer(404, "application/problem+json", notFound, Duration.ZERO);

        overview().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().json(notFound);
    }

    @Test
    void anotherServiceNotKnowingTheCustomerLeavesOnlyThatPartOut() {
        communicationService.answerEveryPathAlike().answer(404, "application/problem+json", "{\"status\": 404}",
                Duration.ZERO);

        overview().expectStatus().isOk().expectBody()
                .jsonPath("$.parts.preferences.status").isEqualTo("unavailable")
                .jsonPath("$.parts.preferences.reason").isEqualTo("answered 404")
                .jsonPath("$.parts.profile.status").isEqualTo("available");
    }

    @Test
    void withoutATokenIt401sAndAsksNoService() {
        client.get().uri("/api/v1/customers/{id}/overview", CUSTOMER).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/unauthorized");

        SERVICES.values().forEach(service -> assertThat(service.pending()).isEmpty());
    }

    @Test
    void aTokenAServiceRefusesIsTheAnswer() {
        String forbidden = "{\"type\": \"https://clientele.io/problems/forbidden\", \"status\": 403}";
        orderLinkService.answerEveryPathAlike().answer(403, "application/problem+json", forbidden, Duration.ZERO);

        overview().expectStatus().isForbidden().expectBody().json(forbidden);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Object value) {
        return (List<Object>) value;
    }

    private WebTestClient.ResponseSpec overview() {
        return client.get().uri("/api/v1/customers/{id}/overview", CUSTOMER)
                .header("Authorization", "Bearer " + STAFF_TOKEN).exchange();
    }

    private static List<String> requests(RecordingUpstream service) throws InterruptedException {
        List<RecordingUpstream.Received> received = new java.util.ArrayList<>();
        received.add(service.next());
        received.addAll(service.pending());
        received.forEach(request -> assertThat(request.authorization()).isEqualTo("Bearer " + STAFF_TOKEN));
        return received.stream().map(request -> request.uri().toString()).toList();
    }

    private static List<String> partsOf(String service) {
        return PARTS_BY_SERVICE.entrySet().stream().filter(part -> part.getValue().equals(service))
                .map(Map.Entry::getKey).sorted().collect(Collectors.toList());
    }
}
