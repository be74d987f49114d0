package io.clientele.orderlink.links;

import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.security.Actor;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * O-3: a customer's quick-order link. The answer to create and regenerate is the only one holding the
 * token (and the url); it is never shown again. The answers are not cached anywhere ({@code no-store}).
 */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
class LinkController {

    private final QuickOrderLinks links;

    LinkController(QuickOrderLinks links) {
        this.links = links;
    }

    /** @param expiresAt optional: the link stops working then */
    record LinkRequest(Instant expiresAt) {
    }

    @PostMapping("/api/v1/customers/{customerId}/quick-order-link")
    ResponseEntity<IssuedLink> create(Actor actor, @PathVariable UUID customerId,
            @RequestBody(required = false) LinkRequest request) {
        IssuedLink link = links.create(actor.workspaceId(), customerId, request == null ? null : request.expiresAt(),
                actor.subject());
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/quick-order-link"))
                .header("Cache-Control", "no-store").body(link);
    }

    @PostMapping("/api/v1/customers/{customerId}/quick-order-link/regenerate")
    ResponseEntity<IssuedLink> regenerate(Actor actor, @PathVariable UUID customerId,
            @RequestBody(required = false) LinkRequest request) {
        IssuedLink link = links.regenerate(actor.workspaceId(), customerId,
                request == null ? null : request.expiresAt(), actor.subject());
        return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store").body(link);
    }

    @GetMapping("/api/v1/customers/{customerId}/quick-order-link")
    LinkView current(Actor actor, @PathVariable UUID customerId) {
        return links.current(actor.workspaceId(), customerId)
                .orElseThrow(() -> new NotFoundException("quick-order link of customer", customerId.toString()));
    }

    @DeleteMapping("/api/v1/customers/{customerId}/quick-order-link")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable UUID customerId) {
        links.revoke(actor.workspaceId(), customerId);
    }
}
