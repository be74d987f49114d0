package io.clientele.customer.groups;

import io.clientele.platform.ids.TimeOrderedIds;
import io.clientele.customer.customers.Customers;
import io.clientele.customer.search.CustomerFilter;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class GroupService {

    static final int MAX_IDS = 1000;

    private final GroupRepository groups;
    private final GroupMembers members;
    private final Customers customers;
    private final Clock clock;

    GroupService(GroupRepository groups, GroupMembers members, Customers customers, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<CustomerGroup.GroupView> list(Actor actor) {
        List<CustomerGroup> all = groups.findByWorkspaceIdOrderByName(actor.workspaceId());
        Map<UUID, Long> counts = members.counts(actor.workspaceId(), all.stream().map(CustomerGroup::id).toList());
        return all.stream().map(group -> group.view(counts.getOrDefault(group.id(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    CustomerGroup.GroupView get(Actor actor, UUID id) {
        CustomerGroup group = load(actor, id);
        return group.view(members.counts(actor.workspaceId(), List.of(id)).getOrDefault(id, 0L));
    }

    @Transactional
    CustomerGroup.GroupView create(Actor actor, String name, String description) {
        requireFreeName(actor, name, null);
        CustomerGroup group = groups.save(new CustomerGroup(TimeOrderedIds.next(), actor.workspaceId(), name, description,
                clock.instant()));
        return group.view(0);
    }

    @Transactional
    CustomerGroup.GroupView rename(Actor actor, UUID id, String name, String description) {
        CustomerGroup group = load(actor, id);
        requireFreeName(actor, name, id);
        group.rename(name, description, clock.instant());
        return get(actor, id);
    }

    @Transactional
    void delete(Actor actor, UUID id) {
        groups.delete(load(actor, id));
    }

    @Transactional
    int addMatching(Actor actor, UUID id, CustomerFilter filter) {
        load(actor, id);
        return members.add(actor.workspaceId(), id, filter, clock.instant());
    }

    @Transactional
    int removeMatching(Actor actor, UUID id, CustomerFilter filter) {
        load(actor, id);
        return members.remove(actor.workspaceId(), id, filter);
    }

    @Transactional
    void addOne(Actor actor, UUID id, UUID customerId) {
        load(actor, id);
        customers.requireExisting(actor.workspaceId(), customerId);
        members.addByIds(actor.workspaceId(), id, List.of(customerId), clock.instant());
    }

    @Transactional
    void removeOne(Actor actor, UUID id, UUID customerId) {
        load(actor, id);
        customers.requireExisting(actor.workspaceId(), customerId);
        members.removeByIds(actor.workspaceId(), id, List.of(customerId));
    }

    /** Adds the listed customers, all or none: an unknown id refuses the whole request. */
    @Transactional
    int addListed(Actor actor, UUID id, Collection<UUID> customerIds) {
        load(actor, id);
        requireFewIds(customerIds);
        List<UUID> unknown = members.addByIds(actor.workspaceId(), id, customerIds, clock.instant());
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of("customerIds", "unknown", "no customers with ids " + unknown
                    + " exist in this workspace; nothing was added");
        }
        return customerIds.size();
    }

    @Transactional
    int removeListed(Actor actor, UUID id, Collection<UUID> customerIds) {
        load(actor, id);
        requireFewIds(customerIds);
        return members.removeByIds(actor.workspaceId(), id, customerIds);
    }

    @Transactional(readOnly = true)
    List<CustomerGroup.GroupView> groupsOf(Actor actor, UUID customerId) {
        customers.requireExisting(actor.workspaceId(), customerId);
        List<UUID> ids = members.groupsOf(actor.workspaceId(), customerId);
        return list(actor).stream().filter(group -> ids.contains(group.id())).toList();
    }

    CustomerGroup load(Actor actor, UUID id) {
        return groups.findByWorkspaceIdAndId(actor.workspaceId(), id)
                .orElseThrow(() -> new NotFoundException("group", id));
    }

    private void requireFreeName(Actor actor, String name, UUID self) {
        if (groups.nameTaken(actor.workspaceId(), name, self == null ? new UUID(0, 0) : self)) {
            throw ConflictException.onField("duplicate-group-name", "Group name already used", "name",
                    "This workspace already has a group named '" + name + "'");
        }
    }

    private static void requireFewIds(Collection<UUID> customerIds) {
        if (customerIds.size() > MAX_IDS) {
            throw InvalidInputException.of("customerIds", "Size", "at most " + MAX_IDS
                    + " ids per request; use a filter for more");
        }
    }
}
