package io.clientele.communication.preferences;

import static io.clientele.communication.CustomerEvents.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.testkit.http.Api;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** M-1 and M-2: preferences from customer events and staff, and the consent record that proves each change. */
@CommunicationIT
class PreferencesIT {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    UUID workspace;
    Api staff;
    CustomerEvents customers;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        staff = Api.staff(port, workspace);
        customers = new CustomerEvents(bootstrap, workspace);
    }

    @AfterEach
    void close() {
        customers.close();
    }

    UUID known(boolean consent, String source) {
        CustomerEvents.Customer customer = aCustomer();
        customers.created(customer, consent, source);
        CustomerEvents.awaitKnown(staff, customer.id());
        return customer.id();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> consents(UUID customer) {
        return staff.get("/api/v1/preferences/{id}/consents", customer).expectStatus().isOk()
                .returnResult(List.class).getResponseBody();
    }

    @Test
    void theInitialSubscriptionFollowsTheConsentGivenAtCreationWithItsSource() {
        UUID fromForm = known(true, "STAFF");
        UUID fromImport = known(false, "IMPORT");
        UUID fromBooking = known(true, "BOOKING");

        staff.get("/api/v1/preferences/{id}", fromForm).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED")
                .jsonPath("$.contactState").isEqualTo("SUBSCRIBED")
                .jsonPath("$.muted").isEqualTo(false)
                .jsonPath("$.channels.email").isEqualTo(true)
                .jsonPath("$.orderConfirmations").isEqualTo(true)
                .jsonPath("$.subscriptionSource").isEqualTo("STAFF");
        staff.get("/api/v1/preferences/{id}", fromImport).expectBody().jsonPath("$.subscriptionState").isEqualTo("UNSUBSCRIBED")
                .jsonPath("$.subscriptionSource").isEqualTo("IMPORT");
        staff.get("/api/v1/preferences/{id}", fromBooking).expectBody().jsonPath("$.subscriptionSource").isEqualTo("BOOKING");

        Map<String, Object> entry = consents(fromForm).getFirst();
        assertThat(entry).containsEntry("changedFields", List.of("created")).containsEntry("source", "STAFF")
                .containsEntry("actor", "staff-7d2c").containsEntry("wordingVersion", "1")
                .containsEntry("subscription", "SUBSCRIBED");
        assertThat(entry.get("sourceRef")).isNotNull();
        assertThat(consents(fromImport).getFirst()).containsEntry("subscription", "UNSUBSCRIBED")
                .containsEntry("wordingVersion", null);
    }

    @Test
    void aBookingsConsentSubscribesAKnownCustomerOnceHoweverOftenItIsDelivered() {
        CustomerEvents.Customer customer = aCustomer();
        customers.created(customer, false, "STAFF");
        var event = customers.sample("reservation.recorded.v1", customer.id());
        ((tools.jackson.databind.node.ObjectNode) event.get("data")).put("customerId", customer.id().toString())
                .put("marketingConsent", true);

        customers.publish(event);
        customers.publish(event);
        customers.awaitApplied(staff, customer);

        staff.get("/api/v1/preferences/{id}", customer.id()).expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED").jsonPath("$.version").isEqualTo(2);
        List<Map<String, Object>> record = consents(customer.id());
        assertThat(record).hasSize(2);
        assertThat(record.getFirst()).containsEntry("source", "BOOKING").containsEntry("subscription", "SUBSCRIBED")
                .containsEntry("changedFields", List.of("subscriptionState"))
                .containsEntry("actor", "booking:/partners/reservio")
                .containsEntry("sourceRef", event.get("id").asString());
    }

    @Test
    void theConsentAnImportStatesForAKnownCustomerIsRecordedOnceAndItsUndoWithdrawsIt() {
        CustomerEvents.Customer customer = aCustomer();
        customers.created(customer, false, "STAFF");
        var imported = customers.updatedWithConsent(customer, true, "IMPORT", "staff-7d2c");

        customers.publish(imported);
        customers.publish(imported);
        customers.awaitApplied(staff, customer);

        staff.get("/api/v1/preferences/{id}", customer.id()).expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED").jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.subscriptionSource").isEqualTo("IMPORT");
        assertThat(consents(customer.id())).hasSize(2).first()
                .satisfies(entry -> assertThat(entry).containsEntry("source", "IMPORT").containsEntry("subscription", "SUBSCRIBED")
                        .containsEntry("actor", "staff-7d2c").containsEntry("wordingVersion", "1")
                        .containsEntry("sourceRef", imported.get("id").asString()));

        customers.publish(customers.updatedWithConsent(customer, false, "IMPORT", "staff-7d2c"));
        customers.awaitApplied(staff, customer);

        staff.get("/api/v1/preferences/{id}", customer.id()).expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("UNSUBSCRIBED").jsonPath("$.version").isEqualTo(3);
        assertThat(consents(customer.id()).getFirst()).containsEntry("source", "IMPORT")
                .containsEntry("subscription", "UNSUBSCRIBED").containsEntry("wordingVersion", null);
    }

    @Test
    void anUpdateThatStatesNoConsentLeavesTheSubscriptionAlone() {
        CustomerEvents.Customer customer = aCustomer();
        customers.created(customer, true, "STAFF");

        customers.updated(customer.withPhone("+420608111222"), java.time.Instant.now(), "phone");
        customers.awaitApplied(staff, customer);

        staff.get("/api/v1/preferences/{id}", customer.id()).expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void aBookingWithoutConsentUnsubscribesNobody() {
        CustomerEvents.Customer customer = aCustomer();
        customers.created(customer, true, "STAFF");

        customers.reservationRecorded(customer.id(), false);
        customers.reservationRecorded(customer.id(), null);
        customers.awaitApplied(staff, customer);

        staff.get("/api/v1/preferences/{id}", customer.id()).expectBody()
                .jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void staffActionsChangeStateAndEachIsRecordedWithWhoWhenAndWhere() {
        UUID customer = known(false, "STAFF");

        staff.post("/api/v1/preferences/{id}/subscribe", Map.of("wordingVersion", "2025-06", "note", "asked at the desk"),
                customer).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.subscriptionState").isEqualTo("SUBSCRIBED");
        staff.post("/api/v1/preferences/{id}/mute", null, customer).expectStatus().isOk()
                .expectBody().jsonPath("$.muted").isEqualTo(true).jsonPath("$.contactState").isEqualTo("MUTED")
                .jsonPath("$.mutedSince").exists();
        staff.post("/api/v1/preferences/{id}/mute", null, customer).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");
        staff.post("/api/v1/preferences/{id}/unmute", Map.of("source", "API"), customer).expectStatus().isOk();
        staff.post("/api/v1/preferences/{id}/unsubscribe", null, customer).expectStatus().isOk()
                .expectBody().jsonPath("$.subscriptionState").isEqualTo("UNSUBSCRIBED").jsonPath("$.version").isEqualTo(5);

        List<Map<String, Object>> record = consents(customer);
        assertThat(record).extracting(e -> e.get("changedFields")).containsExactly(List.of("subscriptionState"),
                List.of("muted"), List.of("muted"), List.of("subscriptionState"), List.of("created"));
        assertThat(record).extracting(e -> e.get("source")).containsExactly("STAFF", "API", "STAFF", "STAFF", "STAFF");
        Map<String, Object> subscribed = record.get(3);
        assertThat(subscribed).containsEntry("actor", "staff-" + workspace).containsEntry("wordingVersion", "2025-06")
                .containsEntry("note", "asked at the desk");
        assertThat(record.get(2)).containsEntry("muted", true);
    }

    @Test
    void replacingThePreferencesChecksTheVersionAndRecordsWhatChanged() {
        UUID customer = known(true, "STAFF");
        Map<String, Object> form = Map.of("subscriptionState", "SUBSCRIBED", "muted", false,
                "channels", Map.of("email", true, "sms", false, "push", false), "language", "bg", "orderConfirmations", false);

        staff.with(HttpMethod.PUT, "/api/v1/preferences/{id}", customer).header("If-Match", "\"7\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(form).exchange()
                .expectStatus().isEqualTo(412);
        staff.with(HttpMethod.PUT, "/api/v1/preferences/{id}", customer).header("If-Match", "\"1\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(form).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.channels.sms").isEqualTo(false)
                .jsonPath("$.channels.push").isEqualTo(false)
                .jsonPath("$.language").isEqualTo("bg")
                .jsonPath("$.orderConfirmations").isEqualTo(false);

        assertThat(consents(customer).getFirst().get("changedFields")).isEqualTo(List.of("channels.sms", "channels.push",
                "language", "orderConfirmations"));
        staff.put("/api/v1/preferences/{id}", form, customer).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        assertThat(consents(customer)).hasSize(2);
    }

    @Test
    void bookingAndLinkSourcesCannotBeClaimedThroughTheApi() {
        UUID customer = known(false, "STAFF");

        staff.post("/api/v1/preferences/{id}/subscribe", Map.of("source", "BOOKING"), customer).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("source");
        staff.post("/api/v1/preferences/{id}/unsubscribe", Map.of("source", "UNSUBSCRIBE_LINK"), customer)
                .expectStatus().isBadRequest();
    }

    @Test
    void theConsentRecordIsExportedAsJsonAndCsvAndTheWorkspacesByItsOwner() {
        UUID customer = known(true, "STAFF");
        staff.post("/api/v1/preferences/{id}/unsubscribe", Map.of("note", "said \"no more\", politely"), customer)
                .expectStatus().isOk();

        String json = staff.get("/api/v1/preferences/{id}/consents/export", customer).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"consent-record-.*\\.json\"")
                .returnResult(String.class).getResponseBody();
        String csv = staff.get("/api/v1/preferences/{id}/consents/export?format=csv", customer).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").returnResult(String.class).getResponseBody();

        assertThat(json).contains("\"customerId\":\"" + customer + "\"").contains("\"source\":\"STAFF\"");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).startsWith("customerId,at,changedFields,source,actor,wordingVersion");
        assertThat(lines.get(1)).startsWith(customer + ",").contains(",created,STAFF,staff-7d2c,1,");
        assertThat(lines.get(2)).contains(",subscriptionState,STAFF,").endsWith(",\"said \"\"no more\"\", politely\"");

        staff.get("/api/v1/consents/export").expectStatus().isForbidden();
        String all = Api.owner(port, workspace).get("/api/v1/consents/export").expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(all.lines().filter(line -> line.startsWith(customer.toString()))).hasSize(2);
        staff.get("/api/v1/preferences/{id}/consents/export?format=xml", customer).expectStatus().isBadRequest();
    }
}
