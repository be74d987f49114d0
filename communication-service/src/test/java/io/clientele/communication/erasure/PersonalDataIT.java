package io.clientele.communication.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import io.clientele.communication.TestProviders;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.outbox.mongo.MongoOutboxStore;
import io.clientele.testkit.http.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * C-5 and C-12 on MongoDB, held to each other through {@link PersonalData}: every field path of every
 * document of every collection is classified; a customer whose every personal free-text field holds a
 * marker of this run is exported with every marker, and after customer.erased.v1 no field of any document
 * holds one, while another customer's documents keep theirs. The outbox relay is stopped meanwhile, so
 * events still wait in the documents when the erasure comes.
 */
@CommunicationIT
class PersonalDataIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;

    UUID workspace;
    Api staff;
    CustomerEvents customers;
    final List<StubMapping> refusingMarkedPhones = new ArrayList<>();

    @BeforeEach
    void holdEveryEventInItsDocument() {
        relay.stop();
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
    }

    @AfterEach
    void relayAgain() {
        relay.start();
        customers.close();
        refusingMarkedPhones.forEach(TestProviders.sms()::removeStub);
    }

    @Test
    void everyFieldOfEveryCollectionIsClassifiedAsPersonalOrNotInOnePlace() {
        Markers jana = new Markers();
        aCustomerWithEveryPersonalFieldFilled(jana);

        Set<String> unclassified = new TreeSet<>();
        eachStoredValue((path, value) -> {
            if (PersonalData.field(path.substring(0, path.indexOf(':')), path.substring(path.indexOf(':') + 1))
                    .isEmpty()) {
                unclassified.add(path);
            }
        });

        assertThat(unclassified).as("fields nobody classified: say in PersonalData whether they hold personal data"
                + " and what the erasure does to them").isEmpty();
    }

    @Test
    void theExportShowsEveryPersonalValueAndTheErasureLeavesNoneWhileOthersKeepTheirs() {
        Markers jana = new Markers();
        Markers eva = new Markers();
        UUID janaId = aCustomerWithEveryPersonalFieldFilled(jana);
        aCustomerWithEveryPersonalFieldFilled(eva);

        Map<String, Set<String>> stored = markersInPersonalFields(jana);
        assertThat(PersonalData.fields().stream().filter(f -> f.treatment().personal() && f.freeText())
                .map(PersonalData.Field::qualifiedName).filter(field -> !stored.containsKey(field)))
                .as("personal free-text fields this test did not fill: make it fill them").isEmpty();
        String export = staff.get("/api/v1/exports/customers/{id}", janaId).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Set<String> everyMarker = new LinkedHashSet<>();
        stored.values().forEach(everyMarker::addAll);
        assertThat(everyMarker).hasSizeGreaterThan(15);
        assertThat(everyMarker).as("values this service holds about the customer that the export leaves out")
                .allSatisfy(marker -> assertThat(export).contains(marker));
        Set<String> evasBefore = everyMarkerStored(eva);

        customers.erased(janaId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> staff.get("/api/v1/preferences/{id}", janaId)
                .expectStatus().isEqualTo(410));

        List<String> left = new ArrayList<>();
        eachStoredValue((path, value) -> {
            if (value instanceof String text && jana.pattern.matcher(text).find()) {
                left.add(path);
            }
        });
        assertThat(left).as("fields still holding the erased customer's data").isEmpty();
        assertThat(everyMarkerStored(eva)).as("the other customer's data").isEqualTo(evasBefore);
        staff.get("/api/v1/messages/counts?customerId={id}", janaId).expectBody()
                .jsonPath("$[?(@.state == 'SENT')].count").isEqualTo(List.of(1))
                .jsonPath("$[?(@.state == 'FAILED')].count").isEqualTo(List.of(1))
                .jsonPath("$[?(@.state == 'SKIPPED')].count").isEqualTo(List.of(1));
        staff.get("/api/v1/preferences/{id}/consents", janaId).expectStatus().isOk().expectBody()
                .jsonPath("$[0].subscription").isEqualTo("UNSUBSCRIBED")
                .jsonPath("$[0].note").isEmpty();
        staff.get("/api/v1/exports/customers/{id}", janaId).expectStatus().isOk().expectBody()
                .jsonPath("$.sections.contact.erased").isEqualTo(true)
                .jsonPath("$.sections.messages.length()").isEqualTo(3);
    }

    /** The markers of one customer: lower-case letters after a prefix of this run, and a phone of its own. */
    static final class Markers {

        final String run = "zq" + letters(8);
        final String phoneDigits = "42073" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        final Pattern pattern = Pattern.compile(run + "[a-z]*|" + phoneDigits);

        String of(String field) {
            return run + field;
        }

        String email() {
            return of("email") + "@example.cz";
        }
    }

    /** From customer-service's events, the staff API, the providers, as the data arrives in real life. */
    private UUID aCustomerWithEveryPersonalFieldFilled(Markers m) {
        UUID id = UUID.randomUUID();
        ObjectNode created = customers.sample("customer.created.v1", id);
        ObjectNode data = (ObjectNode) created.get("data");
        ((ObjectNode) data.get("customer")).put("id", id.toString()).put("firstName", m.of("first"))
                .put("lastName", m.of("last")).put("companyName", m.of("company")).put("email", m.email())
                .put("phone", "+" + m.phoneDigits).put("preferredLanguage", "cs");
        data.put("marketingConsent", true).put("consentSource", "STAFF");
        customers.publish(created);
        CustomerEvents.awaitKnown(staff, id);

        String sent = (String) staff.postJson("/api/v1/messages", Map.of("customerId", id, "channel", "EMAIL",
                "category", "MARKETING", "content", Map.of("subject", m.of("subject"),
                        "text", "{{custom.secret}} " + m.of("text") + " {{reservation.service}}",
                        "html", "<p>" + m.of("html") + "</p>"),
                "variables", Map.of("custom", Map.of("secret", m.of("secret")), "orderLink",
                        "https://shop.example/q/" + m.of("link"), "reservation", Map.of("startsAt",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString(), "service", m.of("service"),
                                "staff", m.of("staff"), "location", m.of("location"))))).get("id");
        refusingMarkedPhones.add(TestProviders.sms().stubFor(WireMock.post("/messages")
                .withRequestBody(WireMock.containing(m.phoneDigits)).atPriority(1)
                .willReturn(WireMock.jsonResponse("{\"error\": \"" + m.of("providersays") + " is not reachable\"}",
                        400))));
        String failed = (String) staff.postJson("/api/v1/messages", Map.of("customerId", id, "channel", "SMS",
                "category", "TRANSACTIONAL", "content", Map.of("text", m.of("sms")))).get("id");
        staff.postJson("/api/v1/messages", Map.of("customerId", id, "channel", "EMAIL", "category", "TRANSACTIONAL",
                "content", Map.of("subject", m.of("latersubject"), "text", m.of("latertext")),
                "notBefore", Instant.now().plus(3, ChronoUnit.DAYS).toString()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            staff.get("/api/v1/messages/{id}", sent).expectBody().jsonPath("$.state").isEqualTo("SENT");
            staff.get("/api/v1/messages/{id}", failed).expectBody().jsonPath("$.state").isEqualTo("FAILED");
        });
        staff.post("/api/v1/preferences/{id}/unsubscribe", Map.of("note", m.of("note")), id).expectStatus().isOk();
        // What the relay sets aside when Kafka refuses an event for good (too large, say): its payload as it was.
        mongo.getCollection(MongoOutboxStore.FAILED).insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("collection", "messages").append("documentId", sent).append("type",
                        "communication.message-sent.v1").append("topic", "communication.events")
                .append("key", id.toString()).append("payload", "{\"data\": {\"title\": \"" + m.of("subject") + "\"}}")
                .append("error", "RecordTooLargeException").append("failedAt", new java.util.Date()));
        return id;
    }

    /** Personal free-text field (classified name) to the markers it holds. */
    private Map<String, Set<String>> markersInPersonalFields(Markers m) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        eachStoredValue((path, value) -> {
            if (!(value instanceof String text)) {
                return;
            }
            PersonalData.field(path.substring(0, path.indexOf(':')), path.substring(path.indexOf(':') + 1))
                    .filter(field -> field.treatment().personal() && field.freeText())
                    .ifPresent(field -> {
                        Matcher matcher = m.pattern.matcher(text);
                        while (matcher.find()) {
                            found.computeIfAbsent(field.qualifiedName(), f -> new LinkedHashSet<>()).add(matcher.group());
                        }
                    });
        });
        return found;
    }

    private Set<String> everyMarkerStored(Markers m) {
        Set<String> found = new TreeSet<>();
        eachStoredValue((path, value) -> {
            if (value instanceof String text) {
                Matcher matcher = m.pattern.matcher(text);
                while (matcher.find()) {
                    found.add(path + "=" + matcher.group());
                }
            }
        });
        return found;
    }

    /** Every leaf value of every document of every collection, as {@code collection:path} (arrays as []). */
    private void eachStoredValue(BiConsumer<String, Object> each) {
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            for (Document document : mongo.getCollection(collection).find()) {
                walk(collection + ":", document, each);
            }
        }
    }

    private static void walk(String prefix, Object value, BiConsumer<String, Object> each) {
        if (value instanceof Document document) {
            String separator = prefix.endsWith(":") ? "" : ".";
            document.forEach((key, child) -> walk(prefix + separator + key, child, each));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> walk(prefix + "[]", element, each));
        } else {
            each.accept(prefix, value);
        }
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
