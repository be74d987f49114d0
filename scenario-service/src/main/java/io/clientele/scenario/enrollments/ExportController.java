package io.clientele.scenario.enrollments;

import io.clientele.platform.privacy.ExportPart;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "GDPR export", description = "scenario-service's part of a customer's export (C-12)")
class ExportController {

    private final CustomerDataExport export;

    ExportController(CustomerDataExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/exports/customers/{id}")
    @Operation(summary = "Everything scenario-service holds about a customer",
            description = "What it knows of the customer (synced, status, language, subscription), their reservations"
                    + " as booking systems told them, and every enrollment, running or ended, with every planned,"
                    + " done, skipped and cancelled step. Empty sections for a customer it holds nothing about.")
    ExportPart export(Actor actor, @PathVariable UUID id) {
        return export.of(actor.workspaceId(), id);
    }
}
