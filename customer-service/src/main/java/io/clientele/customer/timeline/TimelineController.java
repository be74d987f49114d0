package io.clientele.customer.timeline;

import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
@Tag(name = "Timeline", description = "Everything that happened to a customer, and what is planned (C-10)")
class TimelineController {

    private final TimelineQueries queries;

    TimelineController(TimelineQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/customers/{customerId}/timeline")
    @Operation(summary = "The customer's timeline", description = "planned: reservations still ahead, soonest "
            + "first (first page only); past: what happened, newest first, in keyset pages (follow nextCursor). "
            + "Each entry has its date, type, a title and a reference to its source.")
    TimelineQueries.Page timeline(Actor actor, @PathVariable UUID customerId,
            @Parameter(description = "Only these types (repeat the parameter for several)")
            @RequestParam(required = false) Set<TimelineType> type,
            @Parameter(description = "Past entries per page, 1 to 200 (default 50)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
        return queries.timeline(actor.workspaceId(), customerId, type, limit, cursor);
    }
}
