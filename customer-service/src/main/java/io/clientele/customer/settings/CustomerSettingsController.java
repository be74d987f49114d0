package io.clientele.customer.settings;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customer-settings")
@Tag(name = "Settings", description = "Per-workspace settings of the customer context")
class CustomerSettingsController {

    private final CustomerSettings settings;

    CustomerSettingsController(CustomerSettings settings) {
        this.settings = settings;
    }

    record SettingsRequest(@NotNull Integer regularThreshold, @NotNull String defaultCountry) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "The workspace's settings (the defaults until the owner saves their own)")
    CustomerSettings.Settings get(Actor actor) {
        return settings.of(actor.workspaceId());
    }

    @PutMapping
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Change the REGULAR threshold and the default phone country (owners only)")
    CustomerSettings.Settings change(Actor actor, @Valid @RequestBody SettingsRequest request) {
        return settings.change(actor, request.regularThreshold(), request.defaultCountry());
    }
}
