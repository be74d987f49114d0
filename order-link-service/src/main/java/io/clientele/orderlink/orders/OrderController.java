package io.clientele.orderlink.orders;

import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.security.Actor;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** O-5: the staff's orders API. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'STAFF')")
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    record StatusRequest(String status, String reason) {
    }

    /** Newest first, in keyset pages ({@code nextCursor}); filter by status and customer. */
    @GetMapping("/api/v1/orders")
    Orders.OrderPage list(Actor actor, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID customerId, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return orders.list(actor.workspaceId(), status == null ? Set.of() : Set.of(status(status, "status")), customerId,
                cursor, limit);
    }

    /** Newest first; with {@code open=true} only those still under way (the customer overview's open orders). */
    @GetMapping("/api/v1/customers/{customerId}/orders")
    Orders.OrderPage ofCustomer(Actor actor, @PathVariable UUID customerId,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "true: only orders neither shipped nor cancelled")
            @RequestParam(defaultValue = "false") boolean open) {
        return orders.list(actor.workspaceId(), open ? OrderStatus.open() : Set.of(), customerId, cursor, limit);
    }

    @GetMapping("/api/v1/orders/{id}")
    ResponseEntity<OrderView> get(Actor actor, @PathVariable UUID id) {
        OrderView order = orders.get(actor.workspaceId(), id);
        return ResponseEntity.ok().eTag("\"" + order.version() + "\"").body(order);
    }

    /** Moves the order (NEW -> CONFIRMED -> IN_PRODUCTION -> SHIPPED, or CANCELLED before it ships). */
    @PostMapping("/api/v1/orders/{id}/status")
    ResponseEntity<OrderView> move(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody StatusRequest request) {
        if (request.status() == null) {
            throw InvalidInputException.of("status", "required", "is required");
        }
        OrderView order = orders.move(actor.workspaceId(), id, status(request.status(), "status"), request.reason(),
                actor.subject(), version(ifMatch));
        return ResponseEntity.ok().eTag("\"" + order.version() + "\"").body(order);
    }

    private static OrderStatus status(String value, String field) {
        try {
            return OrderStatus.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw InvalidInputException.of(field, "enum", "'" + value + "' is not one of "
                    + Arrays.toString(OrderStatus.values()));
        }
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException notOurs) {
            throw InvalidInputException.of("If-Match", "etag", "'" + ifMatch + "' is not an ETag this API gave out");
        }
    }
}
