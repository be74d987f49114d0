package io.clientele.customer;

import static io.clientele.customer.CustomerMother.aCustomer;
import static io.clientele.customer.CustomerMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Two workspaces side by side: every endpoint, given the other workspace's ids, answers 404 as if
 * they did not exist, changes nothing, and nothing of the other workspace shows in lists or search.
 */
@CustomerServiceIT
class WorkspaceIsolationIT {

    @LocalServerPort
    int port;

    Api mine;
    Api theirs;
    Api theirOwner;
    UUID theirCustomer;
    UUID theirGroup;
    UUID theirNote;
    String theirEmail = "theirs-" + UUID.randomUUID() + "@example.cz";

    @BeforeEach
    void twoWorkspaces() {
        UUID other = UUID.randomUUID();
        mine = Api.owner(port, UUID.randomUUID());
        theirs = Api.staff(port, other);
        theirOwner = Api.owner(port, other);
        theirCustomer = theirs.create(with(with(aCustomer(), "email", theirEmail), "phone", "+420 731 555 444"));
        theirGroup = UUID.fromString((String) theirs.post("/api/v1/groups", Map.of("name", "Theirs"))
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id"));
        theirNote = UUID.fromString((String) theirs.post("/api/v1/customers/{id}/notes", Map.of("text", "theirs"),
                theirCustomer).expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id"));
        theirs.put("/api/v1/groups/{g}/members/{c}", null, theirGroup, theirCustomer).expectStatus().isNoContent();
        theirOwner.put("/api/v1/custom-fields/{k}", Map.of("label", "Theirs", "type", "TEXT"), "theirField")
                .expectStatus().isOk();
    }

    @Test
    void anotherWorkspacesCustomerIsNotFoundByAnyEndpoint() {
        UUID myGroup = UUID.fromString((String) mine.post("/api/v1/groups", Map.of("name", "Mine"))
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id"));
        List<Call> calls = List.of(
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer, null),
                new Call(HttpMethod.PUT, "/api/v1/customers/" + theirCustomer, aCustomer()),
                new Call(HttpMethod.DELETE, "/api/v1/customers/" + theirCustomer, null),
                new Call(HttpMethod.POST, "/api/v1/customers/" + theirCustomer + "/status", Map.of("status", "BLOCKED")),
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer + "/status-history", null),
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer + "/notes", null),
                new Call(HttpMethod.POST, "/api/v1/customers/" + theirCustomer + "/notes", Map.of("text", "x")),
                new Call(HttpMethod.PUT, "/api/v1/customers/" + theirCustomer + "/notes/" + theirNote, Map.of("text", "x")),
                new Call(HttpMethod.DELETE, "/api/v1/customers/" + theirCustomer + "/notes/" + theirNote, null),
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer + "/groups", null),
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer + "/reservations", null),
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer + "/overview", null),
                new Call(HttpMethod.GET, "/api/v1/customers/" + theirCustomer + "/timeline", null),
                new Call(HttpMethod.GET, "/api/v1/groups/" + theirGroup, null),
                new Call(HttpMethod.PUT, "/api/v1/groups/" + theirGroup, Map.of("name", "Stolen")),
                new Call(HttpMethod.DELETE, "/api/v1/groups/" + theirGroup, null),
                new Call(HttpMethod.GET, "/api/v1/groups/" + theirGroup + "/members", null),
                new Call(HttpMethod.PUT, "/api/v1/groups/" + theirGroup + "/members/" + theirCustomer, null),
                new Call(HttpMethod.DELETE, "/api/v1/groups/" + theirGroup + "/members/" + theirCustomer, null),
                new Call(HttpMethod.POST, "/api/v1/groups/" + theirGroup + "/members/bulk-add", Map.of("filter", Map.of())),
                new Call(HttpMethod.POST, "/api/v1/groups/" + theirGroup + "/members/bulk-remove", Map.of("filter", Map.of())),
                new Call(HttpMethod.PUT, "/api/v1/groups/" + myGroup + "/members/" + theirCustomer, null),
                new Call(HttpMethod.DELETE, "/api/v1/custom-fields/theirField", null));
        for (Call call : calls) {
            mine.request(call.method(), call.uri(), call.body()).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("https://clientele.io/problems/not-found");
        }
        mine.post("/api/v1/groups/{g}/members/bulk-add", Map.of("customerIds", List.of(theirCustomer)), myGroup)
                .expectStatus().isBadRequest();

        // ... and nothing of theirs changed.
        theirs.get("/api/v1/customers/{id}", theirCustomer).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("NEW")
                .jsonPath("$.version").isEqualTo(0);
        theirs.get("/api/v1/customers/{id}/notes", theirCustomer).expectBody().jsonPath("$.length()").isEqualTo(1);
        theirs.get("/api/v1/groups/{g}", theirGroup).expectBody().jsonPath("$.name").isEqualTo("Theirs")
                .jsonPath("$.members").isEqualTo(1);
        theirs.get("/api/v1/custom-fields").expectBody().jsonPath("$.length()").isEqualTo(1);
        mine.get("/api/v1/groups/{g}", myGroup).expectBody().jsonPath("$.members").isEqualTo(0);
    }

    @Test
    void listsSearchAndLookupShowOnlyTheCallersWorkspace() {
        mine.create(aCustomer());

        assertThat(ids(mine.json("/api/v1/customers?limit=200"))).doesNotContain(theirCustomer.toString()).hasSize(1);
        assertThat(ids(mine.json("/api/v1/customers?q={q}", theirEmail))).isEmpty();
        assertThat(ids(mine.json("/api/v1/customers?q=731 555 444"))).isEmpty();
        assertThat(ids(mine.json("/api/v1/customers?group={g}", theirGroup))).isEmpty();
        mine.get("/api/v1/customers/lookup?email={e}&phone={p}", theirEmail, "+420731555444").expectBody()
                .jsonPath("$.matches.length()").isEqualTo(0);
        mine.get("/api/v1/groups").expectBody().jsonPath("$.length()").isEqualTo(0);
        mine.get("/api/v1/custom-fields").expectBody().jsonPath("$.length()").isEqualTo(0);
        mine.get("/api/v1/customer-settings").expectBody().jsonPath("$.updatedBy").doesNotExist();
    }

    @Test
    void aBulkFilterNeverReachesIntoAnotherWorkspace() {
        UUID myGroup = UUID.fromString((String) mine.post("/api/v1/groups", Map.of("name", "Everyone"))
                .expectStatus().isCreated().returnResult(Map.class).getResponseBody().get("id"));
        mine.create(aCustomer());

        mine.post("/api/v1/groups/{g}/members/bulk-add", Map.of("filter", Map.of()), myGroup).expectStatus().isOk()
                .expectBody().jsonPath("$.affected").isEqualTo(1);
        theirs.get("/api/v1/customers/{id}/groups", theirCustomer).expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void customFieldsOfAnotherWorkspaceAreUnknownHere() {
        mine.post("/api/v1/customers", with(aCustomer(), "customFields", Map.of("theirField", "x")))
                .expectStatus().isBadRequest();
    }

    @Test
    void settingsAreKeptPerWorkspace() {
        theirOwner.put("/api/v1/customer-settings", Map.of("regularThreshold", 7, "defaultCountry", "SK"))
                .expectStatus().isOk();

        mine.get("/api/v1/customer-settings").expectBody().jsonPath("$.regularThreshold").isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(row -> (String) row.get("id")).toList();
    }

    private record Call(HttpMethod method, String uri, Object body) {
    }
}
