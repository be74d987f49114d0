package io.clientele.customer.groups;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.customer.Api;
import io.clientele.customer.CustomerServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CustomerServiceIT
class GroupsIT {

    @LocalServerPort
    int port;

    Api staff;

    @BeforeEach
    void workspace() {
        staff = Api.staff(port, UUID.randomUUID());
    }

    @Test
    void aGroupIsCreatedRenamedAndDeleted() {
        UUID group = createGroup("VIP");

        staff.put("/api/v1/groups/{id}", Map.of("name", "VIP clients", "description", "spend a lot"), group)
                .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("VIP clients");
        staff.get("/api/v1/groups").expectBody().jsonPath("$[0].name").isEqualTo("VIP clients")
                .jsonPath("$[0].members").isEqualTo(0);
        staff.delete("/api/v1/groups/{id}", group).expectStatus().isNoContent();
        staff.get("/api/v1/groups/{id}", group).expectStatus().isNotFound();
    }

    @Test
    void groupNamesAreUniqueIgnoringCase() {
        createGroup("Regulars");

        staff.post("/api/v1/groups", Map.of("name", "REGULARS")).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void customersAreAddedAndRemovedOneByOne() {
        UUID group = createGroup("Yoga");
        UUID jana = staff.create(aCustomer());

        staff.put("/api/v1/groups/{g}/members/{c}", null, group, jana).expectStatus().isNoContent();
        staff.put("/api/v1/groups/{g}/members/{c}", null, group, jana).expectStatus().isNoContent();
        staff.get("/api/v1/groups/{g}", group).expectBody().jsonPath("$.members").isEqualTo(1);
        staff.get("/api/v1/customers/{c}/groups", jana).expectBody().jsonPath("$[0].id").isEqualTo(group.toString());
        staff.get("/api/v1/groups/{g}/members", group).expectBody().jsonPath("$.items[0].id").isEqualTo(jana.toString());

        staff.delete("/api/v1/groups/{g}/members/{c}", group, jana).expectStatus().isNoContent();
        staff.get("/api/v1/groups/{g}", group).expectBody().jsonPath("$.members").isEqualTo(0);
    }

    @Test
    void everyoneAFilterShowsIsAddedInBulkAndRemovedInBulk() {
        UUID group = createGroup("Hot leads");
        UUID hot1 = staff.create(with(aCustomer(), "temperature", "HOT"));
        UUID hot2 = staff.create(with(aCustomer(), "temperature", "HOT"));
        UUID cold = staff.create(with(aCustomer(), "temperature", "COLD"));

        staff.post("/api/v1/groups/{g}/members/bulk-add", Map.of("filter", Map.of("temperature", List.of("HOT"))), group)
                .expectStatus().isOk().expectBody().jsonPath("$.affected").isEqualTo(2);
        staff.post("/api/v1/groups/{g}/members/bulk-add", Map.of("filter", Map.of("temperature", List.of("HOT"))), group)
                .expectStatus().isOk().expectBody().jsonPath("$.affected").isEqualTo(0);
        assertThat(memberIds(group)).containsExactlyInAnyOrder(hot1.toString(), hot2.toString());

        staff.post("/api/v1/groups/{g}/members/bulk-add", Map.of("customerIds", List.of(cold)), group)
                .expectStatus().isOk();
        staff.post("/api/v1/groups/{g}/members/bulk-remove", Map.of("filter", Map.of("temperature", List.of("HOT"))),
                group).expectStatus().isOk().expectBody().jsonPath("$.affected").isEqualTo(2);
        assertThat(memberIds(group)).containsExactly(cold.toString());
    }

    @Test
    void bulkByIdsIsAllOrNothing() {
        UUID group = createGroup("Mixed");
        UUID jana = staff.create(aCustomer());

        staff.post("/api/v1/groups/{g}/members/bulk-add", Map.of("customerIds", List.of(jana, UUID.randomUUID())), group)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("customerIds");
        assertThat(memberIds(group)).isEmpty();
    }

    @Test
    void bulkNeedsEitherIdsOrAFilter() {
        UUID group = createGroup("Either");

        staff.post("/api/v1/groups/{g}/members/bulk-add", Map.of(), group).expectStatus().isBadRequest();
        staff.post("/api/v1/groups/{g}/members/bulk-add", Map.of("customerIds", List.of(UUID.randomUUID()),
                "filter", Map.of()), group).expectStatus().isBadRequest();
    }

    @Test
    void theCustomerListFiltersByGroup() {
        UUID group = createGroup("Filtered");
        UUID member = staff.create(aCustomer());
        staff.create(aCustomer());
        staff.put("/api/v1/groups/{g}/members/{c}", null, group, member).expectStatus().isNoContent();

        staff.get("/api/v1/customers?group={g}", group).expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(member.toString());
    }

    @Test
    void erasingACustomerRemovesItsMemberships() {
        UUID group = createGroup("Gone soon");
        UUID jana = staff.create(aCustomer());
        staff.put("/api/v1/groups/{g}/members/{c}", null, group, jana).expectStatus().isNoContent();

        staff.delete("/api/v1/customers/{c}", jana).expectStatus().isNoContent();

        staff.get("/api/v1/groups/{g}", group).expectBody().jsonPath("$.members").isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private List<String> memberIds(UUID group) {
        Map<String, Object> page = staff.json("/api/v1/groups/{g}/members?limit=200", group);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(row -> (String) row.get("id")).toList();
    }

    private UUID createGroup(String name) {
        Map<?, ?> group = staff.post("/api/v1/groups", Map.of("name", name)).expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody();
        return UUID.fromString((String) group.get("id"));
    }
}
