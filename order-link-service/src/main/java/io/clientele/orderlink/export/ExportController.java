package io.clientele.orderlink.export;

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
@Tag(name = "GDPR export", description = "order-link-service's part of a customer's export (C-12)")
class ExportController {

    private final CustomerDataExport export;

    ExportController(CustomerDataExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/exports/customers/{id}")
    @Operation(summary = "Everything order-link-service holds about a customer",
            description = "What this service knows of the customer from customer-service, their own prices, every"
                    + " quick-order link made for them (never a token: only its dates), and every order they placed"
                    + " with its lines, note and status history. Empty sections for a customer this service holds"
                    + " nothing about. One part of the export the gateway assembles at GET /api/v1/customers/{id}/export.")
    ExportPart export(Actor actor, @PathVariable UUID id) {
        return export.of(actor.workspaceId(), id);
    }
}
