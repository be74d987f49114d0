package io.clientele.customer.settings;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /** @param language optional: left out, the workspace keeps the language it has */
    record SettingsRequest(@NotNull Integer regularThreshold, @NotNull String defaultCountry,
            @Schema(description = "BCP 47 tag (cs, sk, bg, en...): the customer list sorts names in this language; "
                    + "left out, the workspace keeps its language") String language) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "The workspace's settings (the defaults until the owner saves their own)")
    CustomerSettings.Settings get(Actor actor) {
        return settings.of(actor.workspaceId());
    }

    @PutMapping
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Change the REGULAR threshold, the default phone country and the language (owners only)")
    CustomerSettings.Settings change(Actor actor, @Valid @RequestBody SettingsRequest request) {
        return settings.change(actor, request.regularThreshold(), request.defaultCountry(), request.language());
    }
}
