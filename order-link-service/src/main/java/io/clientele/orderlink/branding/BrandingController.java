package io.clientele.orderlink.branding;

import io.clientele.orderlink.branding.Brandings.BrandingRequest;
import io.clientele.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The branding of the public order page: everyone on staff reads it, owners change it. */
@RestController
class BrandingController {

    private final Brandings brandings;

    BrandingController(Brandings brandings) {
        this.brandings = brandings;
    }

    @GetMapping("/api/v1/quick-order-settings")
    @PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
    WorkspaceBranding read(Actor actor) {
        return brandings.of(actor.workspaceId());
    }

    @PutMapping("/api/v1/quick-order-settings")
    @PreAuthorize("hasRole('OWNER')")
    WorkspaceBranding replace(Actor actor, @RequestBody BrandingRequest request) {
        return brandings.replace(actor.workspaceId(), request);
    }
}
