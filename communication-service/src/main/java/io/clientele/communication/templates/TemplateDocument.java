package io.clientele.communication.templates;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One template: unique per workspace, key, channel and language. */
@Document(TemplateDocument.COLLECTION)
record TemplateDocument(@Id String id, String workspaceId, String key, String channel, String language, String name,
        String subject, String text, String html, long version, Instant createdAt, Instant updatedAt, String updatedBy) {

    static final String COLLECTION = "templates";
}
