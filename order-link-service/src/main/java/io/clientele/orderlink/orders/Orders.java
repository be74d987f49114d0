package io.clientele.orderlink.orders;

import io.clientele.orderlink.customers.CustomerErased;
import io.clientele.platform.problem.ConflictException;
import io.clientele.platform.problem.InvalidInputException;
import io.clientele.platform.problem.NotFoundException;
import io.clientele.platform.problem.PreconditionFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** O-5: staff list and open orders and move them through their statuses. */
@Service
class Orders {

    private final OrderStore orders;
    private final OrderEventsOutbound events;
    private final Clock clock;

    Orders(OrderStore orders, OrderEventsOutbound events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** One row of the list: the order without its lines, with how many it has. */
    record OrderRow(UUID id, long number, UUID customerId, String customerName, OrderStatus status, String currency,
            java.math.BigDecimal total, int lineCount, Instant placedAt, Instant updatedAt) {
    }

    record OrderPage(List<OrderRow> items, String nextCursor) {
    }

    /** @param statuses only orders in one of these, any when empty */
    OrderPage list(UUID workspaceId, Set<OrderStatus> statuses, UUID customerId, String cursor, int limit) {
        if (limit < 1 || limit > 200) {
            throw InvalidInputException.of("limit", "range", "must be between 1 and 200");
        }
        Instant afterPlacedAt = null;
        UUID afterId = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                afterPlacedAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException notOurs) {
                throw InvalidInputException.of("cursor", "cursor", "is not a cursor this API gave out");
            }
        }
        List<OrderView> page = orders.list(workspaceId, statuses, customerId, afterPlacedAt, afterId, limit + 1);
        boolean more = page.size() > limit;
        List<OrderView> shown = more ? page.subList(0, limit) : page;
        Map<UUID, Integer> lineCounts = orders.lineCounts(shown.stream().map(OrderView::id).toList());
        String next = null;
        if (more) {
            OrderView last = shown.getLast();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.placedAt() + "|" + last.id())
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new OrderPage(shown.stream().map(order -> new OrderRow(order.id(), order.number(), order.customerId(),
                order.customerName(), order.status(), order.currency(), order.total(),
                lineCounts.getOrDefault(order.id(), 0), order.placedAt(), order.updatedAt())).toList(), next);
    }

    OrderView get(UUID workspaceId, UUID id) {
        return orders.find(workspaceId, id).orElseThrow(() -> new NotFoundException("order", id.toString()));
    }

    /**
     * Moves the order; a move the state machine does not allow is a 409 naming the allowed ones, a stale
     * If-Match a 412. The change and its event commit together.
     */
    @Transactional
    OrderView move(UUID workspaceId, UUID id, OrderStatus target, String reason, String actor, Long expectedVersion) {
        OrderView order = get(workspaceId, id);
        if (expectedVersion != null && expectedVersion != order.version()) {
            throw new PreconditionFailedException("The order was changed since version " + expectedVersion
                    + " (it is at " + order.version() + "); read it again");
        }
        if (!order.status().mayMoveTo(target)) {
            ConflictException refused = new ConflictException("order-transition-not-allowed", "Status change not allowed",
                    "An order in " + order.status() + " cannot move to " + target + (order.status().next().isEmpty()
                            ? "; " + order.status() + " is final" : "; it may move to " + order.status().next()));
            refused.getBody().setProperty("from", order.status());
            refused.getBody().setProperty("to", target);
            refused.getBody().setProperty("allowed", order.status().next());
            throw refused;
        }
        Instant now = clock.instant();
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleanReason != null && cleanReason.length() > 500) {
            throw InvalidInputException.of("reason", "length", "must be at most 500 characters");
        }
        if (!orders.move(workspaceId, id, order.status(), target, now, actor, cleanReason,
                orders.historyLength(id) + 1)) {
            throw new PreconditionFailedException("The order was moved by someone else meanwhile; read it again");
        }
        events.statusChanged(workspaceId, order, order.status(), target, now, actor, cleanReason);
        return get(workspaceId, id);
    }

    @EventListener
    void on(CustomerErased event) {
        orders.forgetNotes(event.workspaceId(), event.customerId());
        events.forgetWaiting(event.workspaceId(), event.customerId());
    }
}
