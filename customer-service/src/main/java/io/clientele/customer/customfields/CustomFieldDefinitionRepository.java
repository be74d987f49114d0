package io.clientele.customer.customfields;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomFieldDefinitionRepository extends JpaRepository<CustomFieldDefinition, CustomFieldDefinition.Key> {

    List<CustomFieldDefinition> findByIdWorkspaceIdOrderByIdKey(UUID workspaceId);
}
