package io.clientele.customer.settings;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustomerServiceIT
class SettingsAndClientCardIT {

    @LocalServerPort
    int port;

    UUID workspace;
    Api owner;
    Api staff;

    @BeforeEach
    void workspace() {
        workspace = UUID.randomUUID();
        owner = Api.owner(port, workspace);
        staff = Api.staff(port, workspace);
    }

    @Test
    void aWorkspaceStartsWithTheDefaultsAndItsOwnerChangesThem() {
        staff.get("/api/v1/customer-settings").expectStatus().isOk().expectBody()
                .jsonPath("$.regularThreshold").isEqualTo(2)
                .jsonPath("$.defaultCountry").isEqualTo("CZ");

        owner.put("/api/v1/customer-settings", Map.of("regularThreshold", 3, "defaultCountry", "bg"))
                .expectStatus().isOk().expectBody().jsonPath("$.defaultCountry").isEqualTo("BG");

        staff.get("/api/v1/customer-settings").expectBody().jsonPath("$.regularThreshold").isEqualTo(3)
                .jsonPath("$.updatedBy").isEqualTo("owner-" + workspace);
    }

    @Test
    void onlyTheOwnerChangesSettings() {
        staff.put("/api/v1/customer-settings", Map.of("regularThreshold", 3, "defaultCountry", "CZ"))
                .expectStatus().isForbidden();
    }

    @Test
    void invalidSettingsAreRefusedFieldByField() {
        owner.put("/api/v1/customer-settings", Map.of("regularThreshold", 0, "defaultCountry", "XX"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void theDefaultCountryReadsNationalPhoneNumbers() {
        owner.put("/api/v1/customer-settings", Map.of("regularThreshold", 2, "defaultCountry", "BG"))
                .expectStatus().isOk();

        UUID id = staff.create(with(aCustomer(), "phone", "0888 123 456"));

        staff.get("/api/v1/customers/{id}", id).expectBody().jsonPath("$.phone").isEqualTo("+359888123456");
    }

    @Test
    void theClientCardHoldsTypedValues() {
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Skin type", "type", "CHOICE",
                "options", List.of("dry", "oily")), "skinType").expectStatus().isOk();
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Visits abroad", "type", "NUMBER"), "visitsAbroad")
                .expectStatus().isOk();
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Allergy checked", "type", "DATE"), "allergyChecked")
                .expectStatus().isOk();

        UUID id = staff.create(with(aCustomer(), "customFields",
                Map.of("skinType", "dry", "visitsAbroad", 3, "allergyChecked", "2026-10-01")));

        staff.get("/api/v1/customers/{id}", id).expectBody()
                .jsonPath("$.customFields.skinType").isEqualTo("dry")
                .jsonPath("$.customFields.visitsAbroad").isEqualTo(3)
                .jsonPath("$.customFields.allergyChecked").isEqualTo("2026-10-01");
        staff.get("/api/v1/custom-fields").expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    @Test
    void valuesThatDoNotFitTheClientCardAreRefused() {
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Skin type", "type", "CHOICE",
                "options", List.of("dry", "oily")), "skinType").expectStatus().isOk();

        staff.post("/api/v1/customers", with(aCustomer(), "customFields", Map.of("skinType", "scaly", "shoeSize", 38)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(List.class, fields -> org.assertj.core.api.Assertions
                        .assertThat(fields).containsExactlyInAnyOrder("customFields.skinType", "customFields.shoeSize"));
    }

    @Test
    void removingAFieldRemovesItsValues() {
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Nickname", "type", "TEXT"), "nickname")
                .expectStatus().isOk();
        UUID id = staff.create(with(aCustomer(), "customFields", Map.of("nickname", "Janička")));

        owner.delete("/api/v1/custom-fields/{key}", "nickname").expectStatus().isNoContent();

        staff.get("/api/v1/customers/{id}", id).expectBody().jsonPath("$.customFields.nickname").doesNotExist();
    }

    @Test
    void aFieldsTypeCannotChange() {
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Size", "type", "TEXT"), "size").expectStatus().isOk();

        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Size", "type", "NUMBER"), "size")
                .expectStatus().isEqualTo(409);
    }

    @Test
    void anUnchangedValueSurvivesAWithdrawnOption() {
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Tier", "type", "CHOICE",
                "options", List.of("gold", "silver")), "tier").expectStatus().isOk();
        Map<String, Object> jana = with(aCustomer(), "customFields", Map.of("tier", "silver"));
        UUID id = staff.create(jana);
        owner.put("/api/v1/custom-fields/{key}", Map.of("label", "Tier", "type", "CHOICE",
                "options", List.of("gold")), "tier").expectStatus().isOk();

        staff.put("/api/v1/customers/{id}", with(jana, "lastName", "Svobodová"), id).expectStatus().isOk();
        staff.put("/api/v1/customers/{id}", with(jana, "customFields", Map.of("tier", "bronze")), id)
                .expectStatus().isBadRequest();
    }
}
