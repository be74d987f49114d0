package io.clientele.customer.settings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceSettingsRepository extends JpaRepository<WorkspaceSettings, UUID> {
}
