package io.clientele.customer.settings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A workspace's own settings of the customer context; absent until the owner saves them. */
@Entity
@Table(name = "workspace_settings")
class WorkspaceSettings {

    @Id
    private UUID workspaceId;
    private int regularThreshold;
    private String defaultCountry;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private long version;

    protected WorkspaceSettings() {
        // for JPA
    }

    WorkspaceSettings(UUID workspaceId) {
        this.workspaceId = workspaceId;
    }

    void change(int regularThreshold, String defaultCountry, String actor, Instant now) {
        this.regularThreshold = regularThreshold;
        this.defaultCountry = defaultCountry;
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    CustomerSettings.Settings view() {
        return new CustomerSettings.Settings(regularThreshold, defaultCountry, updatedAt, updatedBy);
    }
}
