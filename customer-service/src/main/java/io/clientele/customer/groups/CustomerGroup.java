package io.clientele.customer.groups;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** C-7: a named group of customers, which scenarios and campaigns can target. */
@Entity
@Table(name = "customer_group")
class CustomerGroup {

    @Id
    private UUID id;
    private UUID workspaceId;
    private String name;
    private String description;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected CustomerGroup() {
        // for JPA
    }

    CustomerGroup(UUID id, UUID workspaceId, String name, String description, Instant now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.createdAt = now;
        rename(name, description, now);
    }

    void rename(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    GroupView view(long members) {
        return new GroupView(id, name, description, members, createdAt, updatedAt);
    }

    /** A group as the API shows it. */
    record GroupView(UUID id, String name, String description, long members, Instant createdAt, Instant updatedAt) {
    }
}
