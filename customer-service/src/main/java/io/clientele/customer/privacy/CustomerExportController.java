package io.clientele.customer.privacy;

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
@Tag(name = "GDPR export", description = "customer-service's part of a customer's export (C-12)")
class CustomerExportController {

    private final CustomerExport export;

    CustomerExportController(CustomerExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/exports/customers/{id}")
    @Operation(summary = "Everything customer-service holds about a customer",
            description = "The record with its custom fields, stage, temperature and status; status history; notes;"
                    + " groups; reservations and the partners' ids for the customer; what imports changed, with the"
                    + " values before; import rows refused or failures naming the customer's e-mail or phone; the"
                    + " whole timeline. One part of the export the gateway assembles at"
                    + " GET /api/v1/customers/{id}/export; 404 for an unknown customer, 410 for an erased one.")
    ExportPart export(Actor actor, @PathVariable UUID id) {
        return export.of(actor.workspaceId(), id);
    }
}
