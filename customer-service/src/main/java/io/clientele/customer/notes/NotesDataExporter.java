package io.clientele.customer.notes;

import io.clientele.platform.privacy.CustomerDataExporter;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** C-12: the team's notes about the customer, as staff see them (the customer never saw them). */
@Component
@Order(20)
class NotesDataExporter implements CustomerDataExporter {

    private final NoteRepository notes;

    NotesDataExporter(NoteRepository notes) {
        this.notes = notes;
    }

    @Override
    public Map<String, Object> export(UUID workspaceId, UUID customerId) {
        return Map.of("notes", notes.findByWorkspaceIdAndCustomerIdOrderByPriorityRankAscCreatedAtDesc(workspaceId,
                customerId).stream().map(Note::view).toList());
    }
}
