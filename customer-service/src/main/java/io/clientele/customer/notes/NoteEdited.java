package io.clientele.customer.notes;

import java.time.Instant;
import java.util.UUID;

/** A note's text or priority was changed; the preview is for the team's own views. */
public record NoteEdited(UUID workspaceId, UUID customerId, UUID noteId, NotePriority priority, String preview,
        Instant editedAt) {
}
