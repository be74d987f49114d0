package io.clientele.customer.customers;

import static io.clientele.customer.CustomerMother.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import io.clientele.customer.booking.PartnerEvents;
import io.clientele.customer.privacy.PersonalData;
import io.clientele.platform.privacy.PersonalColumns;
import io.clientele.testkit.privacy.SchemaColumns;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * C-5: erasure leaves nothing that refers to the customer, in any table, whatever happened to them
 * before; only the tombstone, and reservations kept anonymised. Every column of the schema is classified
 * (PersonalData), so a new one cannot be forgotten; PersonalDataIT checks the values themselves.
 */
@CustomerServiceIT
class ErasureIT {

    /** Where a customer id may stay after erasure: the proof of it. */
    static final List<String> ALLOWED = List.of("customer_erasure");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyColumnOfEveryTableIsClassifiedAsPersonalOrNotInOnePlace() {
        SchemaColumns.assertClassified(jdbc,
                PersonalData.columns().stream().map(PersonalColumns.Column::qualifiedName).toList(), 100);
    }

    @Test
    void anErasedCustomerLeavesNoRowBehindButTheTombstoneAndAnonymousReservations() throws Exception {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        Map<String, Object> jana = aCustomer();
        UUID id = staff.create(jana);
        staff.post("/api/v1/customers/{id}/notes", Map.of("text", "likes tea", "priority", "HIGH"), id)
                .expectStatus().isCreated();
        staff.post("/api/v1/customers/{id}/status", Map.of("status", "PROBLEMATIC"), id).expectStatus().isOk();
        String group = (String) staff.post("/api/v1/groups", Map.of("name", "VIP " + UUID.randomUUID()))
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id");
        staff.put("/api/v1/groups/{g}/members/{c}", null, group, id).expectStatus().is2xxSuccessful();
        importOnto(staff, "name,email,city\nJana Nová," + jana.get("email") + ",Brno\n");
        try (PartnerEvents partner = new PartnerEvents(bootstrap, workspace)) {
            partner.event("created", "r-" + UUID.randomUUID()).customer("ext-" + id, (String) jana.get("email"), null)
                    .publish();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("reservation", id) == 1);
        assertThat(referring(id)).containsKeys("customer_note", "customer_status_change", "customer_group_member",
                "customer_import_change", "customer_identity", "reservation", "timeline_entry");

        staff.delete("/api/v1/customers/{id}", id).expectStatus().isNoContent();

        assertThat(referring(id)).containsOnlyKeys(ALLOWED.toArray(String[]::new));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE workspace_id = ? AND customer_id IS NULL",
                Integer.class, workspace)).isEqualTo(1);
    }

    @Test
    void customersAnUndoneImportCreatedLeaveNoRowBehindEither() {
        UUID workspace = UUID.randomUUID();
        Api staff = Api.staff(port, workspace);
        String importId = importOnto(staff, "name,email,status\nEva Pryč,eva.pryc@example.cz,REGULAR\n");
        UUID created = UUID.fromString((String) ((Map<?, ?>) ((List<?>) staff.json(
                "/api/v1/customers/lookup?email=eva.pryc@example.cz").get("matches")).getFirst()).get("id"));
        assertThat(referring(created)).containsKeys("customer_status_change", "customer_import_change");

        staff.post("/api/v1/imports/{id}/undo", null, importId).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> "UNDONE".equals(staff.json("/api/v1/imports/{id}", importId)
                .get("status")));

        assertThat(referring(created)).containsOnlyKeys(ALLOWED.toArray(String[]::new));
    }

    /** Every table holding a customer id column, with the rows that name this customer. */
    private Map<String, Integer> referring(UUID customer) {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND column_name = 'customer_id' ORDER BY table_name", String.class);
        assertThat(tables).hasSizeGreaterThan(8);
        for (String table : tables) {
            int rows = count(table, customer);
            if (rows > 0) {
                found.put(table, rows);
            }
        }
        return found;
    }

    private int count(String table, UUID customer) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE customer_id = ?", Integer.class, customer);
    }

    private static String importOnto(Api staff, String csv) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "erasure.csv";
            }
        });
        String id = (String) staff.postAs(MediaType.MULTIPART_FORM_DATA, "/api/v1/imports", form)
                .expectStatus().isAccepted().returnResult(Map.class).getResponseBody().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(staff.json("/api/v1/imports/{id}", id)
                .get("status")));
        return id;
    }
}
