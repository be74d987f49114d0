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
    /** null: the service's configured default */
    private String language;
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

    /** @param language null keeps the current one */
    void change(int regularThreshold, String defaultCountry, String language, String actor, Instant now) {
        this.regularThreshold = regularThreshold;
        this.defaultCountry = defaultCountry;
        if (language != null) {
            this.language = language;
        }
        this.updatedBy = actor;
        this.updatedAt = now;
    }

    CustomerSettings.Settings view(String defaultLanguage) {
        return new CustomerSettings.Settings(regularThreshold, defaultCountry, language == null ? defaultLanguage : language,
                updatedAt, updatedBy);
    }
}
