package io.clientele.customer.notes;

import java.util.UUID;

/** A note was deleted; nothing shows it any more. */
public record NoteDeleted(UUID workspaceId, UUID customerId, UUID noteId) {
}
