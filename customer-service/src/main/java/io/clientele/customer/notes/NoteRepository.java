package io.clientele.customer.notes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, UUID> {

    /** C-6 order: priority, then newest first. */
    List<Note> findByWorkspaceIdAndCustomerIdOrderByPriorityRankAscCreatedAtDesc(UUID workspaceId, UUID customerId);

    Optional<Note> findByWorkspaceIdAndCustomerIdAndId(UUID workspaceId, UUID customerId, UUID id);

    Optional<Note> findFirstByWorkspaceIdAndCustomerIdOrderByCreatedAtDesc(UUID workspaceId, UUID customerId);
}
