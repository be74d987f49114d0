package io.clientele.customer.groups;

import static io.clientele.customer.CustomerMother.named;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What scenario-service's campaigns (S-3) rely on in this API, asked exactly as its CustomerDirectory asks: a
 * group's size and members, and the filtered list, sorted by creation, paged with nextCursor until it is null, every
 * customer once; the cursor holds a time and an id, never a name (the campaign stores it); an unknown group is a
 * 404 and a wrong filter value a 400, each a problem with a detail.
 */
@CustomerServiceIT
class CampaignPagesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api staff;

    @BeforeEach
    void workspace() {
        staff = Api.staff(port, UUID.randomUUID());
    }

    @Test
    void aGroupAndAFilterArePagedByCreationEveryCustomerOnceWithCursorsThatHoldNoName() {
        UUID group = UUID.fromString(staff.post("/api/v1/groups", Map.of("name", "Spring offer")).expectStatus()
                .isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString());
        List<String> created = new ArrayList<>();
        for (String surname : List.of("Čermáková", "Chalupová", "Dvořáková", "Šťastná", "Zelená")) {
            UUID customer = staff.create(with(named("Jana", surname), "temperature", "HOT"));
            staff.put("/api/v1/groups/{g}/members/{c}", null, group, customer).expectStatus().isNoContent();
            created.add(customer.toString());
        }
        staff.create(with(named("Petr", "Studený"), "temperature", "COLD"));

        staff.get("/api/v1/groups/{g}", group).expectStatus().isOk().expectBody().jsonPath("$.members").isEqualTo(5);
        assertThat(pages("/api/v1/groups/" + group + "/members?sort=createdAt&limit=2"))
                .containsExactlyElementsOf(created);
        assertThat(pages("/api/v1/customers?temperature=HOT&synced=false&sort=createdAt&limit=2"))
                .containsExactlyElementsOf(created);
    }

    @Test
    void anUnknownGroupIsA404AndAWrongFilterValueA400EachWithADetail() {
        staff.get("/api/v1/groups/{g}", UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isNotEmpty();
        staff.get("/api/v1/groups/{g}/members?sort=createdAt&limit=1", UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isNotEmpty();
        staff.get("/api/v1/customers?status=NOT_A_STATUS&sort=createdAt&limit=1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isNotEmpty();
    }

    /** Every id of every page, following nextCursor; each cursor decoded and checked for names. */
    private List<String> pages(String first) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String uri = cursor == null ? first : first + "&cursor=" + cursor;
            JsonNode page = staff.get(uri).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                    .getResponseBody();
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            if (cursor != null) {
                String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                assertThat(decoded).contains("createdAt").doesNotContain("Jana", "ová", "Zelen");
            }
        } while (cursor != null);
        return ids;
    }
}
