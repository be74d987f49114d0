package io.clientele.customer.booking;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Reservations", description = "What partner booking systems reported about a customer (C-8, C-13)")
class ReservationController {

    private final ReservationQueries queries;

    ReservationController(ReservationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/customers/{customerId}/reservations")
    @Operation(summary = "The customer's reservations, latest start first, with their current status")
    List<ReservationQueries.ReservationView> history(Actor actor, @PathVariable UUID customerId) {
        return queries.history(actor.workspaceId(), customerId);
    }

    @GetMapping("/api/v1/customers/{customerId}/overview")
    @Operation(summary = "The customer's figures: reservations, completed, no-shows, cancellations, last and next visit")
    ReservationQueries.Overview overview(Actor actor, @PathVariable UUID customerId) {
        return queries.overview(actor.workspaceId(), customerId);
    }
}
