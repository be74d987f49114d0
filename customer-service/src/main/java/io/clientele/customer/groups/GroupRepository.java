package io.clientele.customer.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface GroupRepository extends JpaRepository<CustomerGroup, UUID> {

    Optional<CustomerGroup> findByWorkspaceIdAndId(UUID workspaceId, UUID id);

    List<CustomerGroup> findByWorkspaceIdOrderByName(UUID workspaceId);

    @Query("select count(g) > 0 from CustomerGroup g where g.workspaceId = :workspaceId and lower(g.name) = lower(:name)"
            + " and g.id <> :self")
    boolean nameTaken(UUID workspaceId, String name, UUID self);
}
