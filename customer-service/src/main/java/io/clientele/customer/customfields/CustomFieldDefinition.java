package io.clientele.customer.customfields;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One field of a workspace's client card. */
@Entity
@Table(name = "custom_field_definition")
class CustomFieldDefinition {

    @EmbeddedId
    private Key id;
    private String label;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private FieldType type;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> options;
    private Instant createdAt;

    @Embeddable
    record Key(@Column(name = "workspace_id") UUID workspaceId, @Column(name = "key") String key) {
    }

    protected CustomFieldDefinition() {
        // for JPA
    }

    CustomFieldDefinition(UUID workspaceId, String key, String label, FieldType type, List<String> options,
            Instant now) {
        this.id = new Key(workspaceId, key);
        this.label = label;
        this.type = type;
        this.options = List.copyOf(options);
        this.createdAt = now;
    }

    void relabel(String label, List<String> options) {
        this.label = label;
        this.options = List.copyOf(options);
    }

    String key() {
        return id.key();
    }

    FieldType type() {
        return type;
    }

    List<String> options() {
        return options == null ? List.of() : options;
    }

    CustomFields.Definition view() {
        return new CustomFields.Definition(id.key(), label, type, options(), createdAt);
    }
}
