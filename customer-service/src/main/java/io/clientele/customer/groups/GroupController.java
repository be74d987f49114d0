package io.clientele.customer.groups;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import io.clientele.customer.search.CustomerFilter;
import io.clientele.customer.search.CustomerSearch;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Groups", description = "Named groups of customers, for scenarios and campaigns (C-7)")
class GroupController {

    private final GroupService groups;
    private final CustomerSearch search;

    GroupController(GroupService groups, CustomerSearch search) {
        this.groups = groups;
        this.search = search;
    }

    record GroupRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description) {
    }

    @Schema(description = "Exactly one of customerIds (at most 1000) or filter (any number of customers)")
    record MembersRequest(@Size(max = 1000) List<UUID> customerIds, @Valid FilterRequest filter) {
    }

    @Schema(description = "The customer list's filters, same names as its query parameters; {} means everyone")
    record FilterRequest(@Size(max = 200) String q, Set<LifecycleStatus> status, Set<SalesStage> stage,
            Set<Temperature> temperature, Set<ContactState> subscription, Boolean muted, UUID group,
            Set<CustomerSource> source, Boolean synced, Instant createdFrom, Instant createdTo,
            Boolean hasUpcomingReservation) {

        CustomerFilter toFilter() {
            return new CustomerFilter(q, status, stage, temperature, subscription, muted, group, source, synced,
                    createdFrom, createdTo, hasUpcomingReservation);
        }
    }

    record MembersChanged(int affected) {
    }

    @GetMapping("/api/v1/groups")
    @Operation(summary = "The workspace's groups with their member counts")
    List<CustomerGroup.GroupView> list(Actor actor) {
        return groups.list(actor);
    }

    @PostMapping("/api/v1/groups")
    @Operation(summary = "Create a group (names are unique per workspace, case-insensitively)")
    ResponseEntity<CustomerGroup.GroupView> create(Actor actor, @Valid @RequestBody GroupRequest request) {
        CustomerGroup.GroupView group = groups.create(actor, request.name().strip(), request.description());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id())).body(group);
    }

    @GetMapping("/api/v1/groups/{id}")
    CustomerGroup.GroupView get(Actor actor, @PathVariable UUID id) {
        return groups.get(actor, id);
    }

    @PutMapping("/api/v1/groups/{id}")
    @Operation(summary = "Rename a group or change its description")
    CustomerGroup.GroupView rename(Actor actor, @PathVariable UUID id, @Valid @RequestBody GroupRequest request) {
        return groups.rename(actor, id, request.name().strip(), request.description());
    }

    @DeleteMapping("/api/v1/groups/{id}")
    @Operation(summary = "Delete a group (its customers stay)")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        groups.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/groups/{id}/members")
    @Operation(summary = "The group's customers, as a page of the customer list")
    CustomerSearch.Page members(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        groups.load(actor, id);
        CustomerFilter inGroup = new CustomerFilter(null, null, null, null, null, null, id, null, null, null, null, null);
        return search.search(actor.workspaceId(), inGroup, sort, limit, cursor);
    }

    @PutMapping("/api/v1/groups/{id}/members/{customerId}")
    @Operation(summary = "Add one customer to the group (adding a member again changes nothing)")
    ResponseEntity<Void> addOne(Actor actor, @PathVariable UUID id, @PathVariable UUID customerId) {
        groups.addOne(actor, id, customerId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/groups/{id}/members/{customerId}")
    @Operation(summary = "Remove one customer from the group")
    ResponseEntity<Void> removeOne(Actor actor, @PathVariable UUID id, @PathVariable UUID customerId) {
        groups.removeOne(actor, id, customerId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/groups/{id}/members/bulk-add")
    @Operation(summary = "Add many customers: listed ids, or everyone a filter shows")
    MembersChanged bulkAdd(Actor actor, @PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return new MembersChanged(oneOf(request).filter() != null
                ? groups.addMatching(actor, id, request.filter().toFilter())
                : groups.addListed(actor, id, request.customerIds()));
    }

    @PostMapping("/api/v1/groups/{id}/members/bulk-remove")
    @Operation(summary = "Remove many customers: listed ids, or everyone a filter shows")
    MembersChanged bulkRemove(Actor actor, @PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return new MembersChanged(oneOf(request).filter() != null
                ? groups.removeMatching(actor, id, request.filter().toFilter())
                : groups.removeListed(actor, id, request.customerIds()));
    }

    @GetMapping("/api/v1/customers/{customerId}/groups")
    @Operation(summary = "The groups a customer belongs to")
    List<CustomerGroup.GroupView> groupsOf(Actor actor, @PathVariable UUID customerId) {
        return groups.groupsOf(actor, customerId);
    }

    private static MembersRequest oneOf(MembersRequest request) {
        boolean hasIds = request.customerIds() != null && !request.customerIds().isEmpty();
        if (hasIds == (request.filter() != null)) {
            throw InvalidInputException.of("customerIds", "oneOf", "give either customerIds or filter, not both or neither");
        }
        return request;
    }
}
