package io.clientele.communication.export;

import io.clientele.communication.CustomerRef;
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
@Tag(name = "GDPR export", description = "communication-service's part of a customer's export (C-12)")
class ExportController {

    private final CustomerDataExport export;

    ExportController(CustomerDataExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/exports/customers/{id}")
    @Operation(summary = "Everything communication-service holds about a customer",
            description = "The contact details copied from customer-service, the preferences, the whole consent"
                    + " record, and every message with what was asked, its exact content and why it was or was not"
                    + " sent. Empty sections for a customer this service holds nothing about. One part of the"
                    + " export the gateway assembles at GET /api/v1/customers/{id}/export.")
    ExportPart export(Actor actor, @PathVariable UUID id) {
        return export.of(new CustomerRef(actor.workspaceId(), id));
    }
}
