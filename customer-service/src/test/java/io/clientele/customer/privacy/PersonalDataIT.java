package io.clientele.customer.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.customer.booking.PartnerEvents;
import io.clientele.platform.events.EventJson;
import io.clientele.platform.outbox.OutboxRelay;
import io.clientele.platform.privacy.PersonalColumns;
import io.clientele.testkit.privacy.MarkerScan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * C-5 and C-12 held to each other, column by column, through {@link PersonalData}: a customer whose every
 * personal free-text column holds a marker of this run; the export shows every marker the database holds;
 * after the erasure no column of any table holds any of them, while the anonymised reservation, the
 * refused import row's number and reason code, and the record of the erasure remain.
 * <p>
 * The outbox relay is stopped meanwhile, so the customer's events are still waiting when it is erased:
 * they carry the same data and must go too.
 */
@CustomerServiceIT
class PersonalDataIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxRelay relay;

    /** Lower-case letters only, so every field accepts them and folding (search_text) keeps them. */
    final String run = "zq" + letters(8);
    /** The phone is a marker of its own: its digits, wherever it is stored or folded. */
    final String phoneDigits = "42073" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    final Pattern markers = Pattern.compile(run + "[a-z]*|" + phoneDigits);

    UUID workspace;
    Api staff;

    @BeforeEach
    void holdEveryEventInTheOutbox() {
        relay.stop();
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
    }

    @AfterEach
    void relayAgain() {
        relay.start();
    }

    @Test
    void theExportShowsEveryPersonalValueAndTheErasureLeavesNoneAnywhere() throws Exception {
        UUID customer = aCustomerWithEveryPersonalColumnFilled();

        Map<String, Set<String>> stored = new MarkerScan(jdbc, markers, List.of(run, phoneDigits), "public", "platform")
                .markersIn(PersonalData.columns().stream().filter(c -> c.treatment().personal() && c.freeText())
                        .map(PersonalColumns.Column::qualifiedName).toList());
        assertThat(PersonalData.columns().stream().filter(c -> c.treatment().personal() && c.freeText())
                .map(PersonalColumns.Column::qualifiedName).filter(column -> !stored.containsKey(column)))
                .as("personal free-text columns this test did not fill: make it fill them").isEmpty();

        String export = staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Set<String> everyMarker = new LinkedHashSet<>();
        stored.values().forEach(everyMarker::addAll);
        assertThat(everyMarker).hasSizeGreaterThan(20);
        assertThat(everyMarker).as("values the database holds about the customer that the export leaves out")
                .allSatisfy(marker -> assertThat(export).contains(marker));

        staff.delete("/api/v1/customers/{id}", customer).expectStatus().isNoContent();

        assertThat(new MarkerScan(jdbc, markers, List.of(run, phoneDigits), "public", "platform")
                .columnsHoldingAMarker()).as("columns still holding the erased customer's data").isEmpty();
        assertThat(jdbc.queryForList("SELECT status FROM reservation WHERE workspace_id = ? AND customer_id IS NULL"
                + " AND cancel_reason IS NULL", String.class, workspace)).containsExactly("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_erasure WHERE customer_id = ?", Integer.class,
                customer)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT event_type FROM platform.outbox_event WHERE message_key = ?", String.class,
                customer.toString())).containsExactly("customer.erased.v1");
        Map<String, Object> refused = jdbc.queryForMap("""
                SELECT r.row_number, r.reasons::text AS reasons, r.cells::text AS cells
                FROM customer_import_rejection r JOIN customer_import i ON i.id = r.import_id WHERE i.workspace_id = ?""",
                workspace);
        assertThat(refused).containsEntry("row_number", 3L).containsEntry("cells", "{}");
        assertThat((String) refused.get("reasons")).contains("\"field\": \"email\"").contains(ImportTraces.ERASED);
        staff.get("/api/v1/exports/customers/{id}", customer).expectStatus().isEqualTo(410);
    }

    /** Through the API and the topics, as the data arrives in real life; each free text a marker. */
    private UUID aCustomerWithEveryPersonalColumnFilled() throws Exception {
        Api.owner(port, workspace).put("/api/v1/custom-fields/allergy", Map.of("label", "Allergy", "type", "TEXT"))
                .expectStatus().is2xxSuccessful();
        String email = marker("email") + "@example.cz";
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("firstName", marker("first"));
        form.put("lastName", marker("last"));
        form.put("companyName", marker("company"));
        form.put("email", email);
        form.put("phone", "+" + phoneDigits);
        form.put("address", Map.of("street", marker("street"), "city", marker("city"), "postalCode", marker("zip"),
                "country", "CZ"));
        form.put("vatId", marker("vat"));
        form.put("customFields", Map.of("allergy", marker("allergy")));
        form.put("marketingConsent", true);
        UUID customer = staff.create(form);

        staff.post("/api/v1/customers/{id}/notes", Map.of("text", marker("note"), "priority", "HIGH"), customer)
                .expectStatus().isCreated();
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "PROBLEMATIC", "reason", marker("statusreason")),
                customer).expectStatus().isOk();
        String group = (String) staff.postJson("/api/v1/groups", Map.of("name", "Regulars")).get("id");
        staff.put("/api/v1/groups/{g}/members/{c}", null, group, customer).expectStatus().is2xxSuccessful();

        // Row 2 moves the customer to another city (the import log keeps the old one); row 3 is refused (its
        // e-mail is none, and the reason quotes it) with the customer's phone, typed nationally, and other names.
        String importId = importCsv("name,email,phone,city\n"
                + "," + email + ",," + marker("importcity") + "\n"
                + marker("rowfirst") + " " + marker("rowlast") + "," + marker("bademail") + ","
                + phoneDigits.substring(3) + "," + marker("rowcity") + "\n");
        // What a job that failed leaves when its error quotes a row (PostgreSQL's duplicate-key detail does).
        jdbc.update("UPDATE customer_import SET failure = ? WHERE id = ?::uuid", "An unexpected error stopped the"
                + " import: DuplicateKeyException: Key (email)=(" + email + ") already exists", importId);

        try (PartnerEvents partner = new PartnerEvents(bootstrap, workspace)) {
            String reservation = "r-" + UUID.randomUUID();
            partner.event("created", reservation).customer(marker("partnerid"), email, null).publish();
            partner.event("cancelled", reservation).customer(marker("partnerid"), email, null)
                    .reason(marker("cancelreason")).at(Instant.now().plusSeconds(1)).publish();
        }
        try (KafkaProducer<String, String> communication = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            publish(communication, message("communication.message-sent.v1", customer, marker("senttitle"), null));
            publish(communication, message("communication.message-scheduled.v1", customer, marker("plannedtitle"),
                    Instant.now().plus(2, ChronoUnit.DAYS)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM reservation WHERE customer_id = ? AND cancel_reason IS NOT NULL", Integer.class,
                customer) == 1 && jdbc.queryForObject("SELECT count(*) FROM timeline_planned_entry WHERE customer_id = ?",
                        Integer.class, customer) == 1 && jdbc.queryForObject(
                "SELECT count(*) FROM timeline_entry WHERE customer_id = ? AND type = 'MESSAGE_SENT'", Integer.class,
                customer) == 1);
        return customer;
    }

    private String importCsv(String csv) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "clients.csv";
            }
        });
        String id = (String) staff.postAs(MediaType.MULTIPART_FORM_DATA, "/api/v1/imports", form)
                .expectStatus().isAccepted().returnResult(Map.class).getResponseBody().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(staff.json("/api/v1/imports/{id}", id)
                .get("status")));
        Map<?, ?> progress = (Map<?, ?>) staff.json("/api/v1/imports/{id}", id).get("progress");
        assertThat(progress.get("updated")).isEqualTo(1);
        assertThat(progress.get("rejected")).isEqualTo(1);
        return id;
    }

    /** communication-service's event as the contract's sample shows it, about this customer. */
    private ObjectNode message(String type, UUID customer, String title, Instant dueAt) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventContracts.sample(type));
        event.put("id", UUID.randomUUID().toString()).put("subject", customer.toString())
                .put("workspaceid", workspace.toString());
        UUID messageId = UUID.randomUUID();
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("customerId", customer.toString()).put("messageId", messageId.toString())
                .put("occurredAt", Instant.now().toString()).put("previewPath", "/api/v1/messages/" + messageId)
                .put("title", title);
        if (dueAt != null) {
            data.put("dueAt", dueAt.toString()).put("reason", marker("plannedreason"));
        }
        return event;
    }

    private static void publish(KafkaProducer<String, String> producer, ObjectNode event) throws Exception {
        producer.send(new ProducerRecord<>("communication.events", event.get("subject").asString(), event.toString()))
                .get(30, TimeUnit.SECONDS);
    }

    private String marker(String field) {
        return run + field;
    }

    private static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
