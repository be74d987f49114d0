package io.clientele.customer.customfields;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Client card", description = "Custom fields a workspace defines for its customers")
class CustomFieldsController {

    private final CustomFields customFields;

    CustomFieldsController(CustomFields customFields) {
        this.customFields = customFields;
    }

    record DefinitionRequest(@NotBlank @Size(max = 100) String label, @NotNull FieldType type,
            @Size(max = 100) List<@Size(max = 100) String> options) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    @Operation(summary = "The fields of the workspace's client card")
    List<CustomFields.Definition> list(Actor actor) {
        return customFields.of(actor.workspaceId());
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Define a field, or change its label or options (its type is fixed once defined)")
    CustomFields.Definition define(Actor actor, @PathVariable String key, @Valid @RequestBody DefinitionRequest request) {
        return customFields.define(actor.workspaceId(), key, request.label().strip(), request.type(), request.options());
    }

    @DeleteMapping("/{key}")
    @PreAuthorize("hasRole('OWNER')")
    @Operation(summary = "Remove a field and its value from every customer")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String key) {
        customFields.remove(actor.workspaceId(), key);
        return ResponseEntity.noContent().build();
    }
}
