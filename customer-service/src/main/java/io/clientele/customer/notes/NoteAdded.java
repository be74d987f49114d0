package io.clientele.customer.notes;

import java.time.Instant;
import java.util.UUID;

/**
 * A note was added to a customer. The preview is for the team's own views (the timeline); it never
 * leaves the service: notes are for the team only.
 */
public record NoteAdded(UUID workspaceId, UUID customerId, UUID noteId, NotePriority priority, String author,
        Instant createdAt, String preview) {
}
