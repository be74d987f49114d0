package io.clientele.orderlink.orders;

import io.clientele.orderlink.orders.OrderEventsV1.LineV1;
import io.clientele.orderlink.orders.OrderEventsV1.OrderPlacedV1;
import io.clientele.orderlink.orders.OrderEventsV1.OrderStatusChangedV1;
import io.clientele.orderlink.orders.OrderEventsV1.SendRequestedV1;
import io.clientele.orderlink.orders.OrderView.Line;
import io.clientele.platform.events.OutgoingEvent;
import io.clientele.platform.outbox.Outbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Maps order changes to {@code order.events} and the confirmation command, through the outbox in the
 * transaction of the change: the order and its events commit together or not at all.
 */
@Component
class OrderEventsOutbound {

    static final String CONFIRMATION_TEMPLATE = "order-confirmation";

    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    OrderEventsOutbound(Outbox outbox, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * order.placed.v1, and the request for a confirmation e-mail. Its request id is derived from the order
     * id, so however often this ran for one order, communication-service sends one e-mail; whether it sends
     * one at all is its policy's call (order confirmations off, muted, no address: skipped with the reason).
     */
    void placed(UUID workspaceId, UUID orderId, long number, UUID customerId, String currency, String total,
            List<Line> lines, String language, Instant placedAt) {
        OrderPlacedV1 placed = new OrderPlacedV1(orderId.toString(), number, customerId.toString(), "NEW", currency,
                total, lines.stream().map(line -> new LineV1(line.productId().toString(), line.sku(), line.name(),
                        line.unit(), line.quantity(), line.unitPrice().toPlainString(), line.lineTotal().toPlainString()))
                        .toList(), language, placedAt);
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("orderNumber", Long.toString(number));
        custom.put("orderTotal", total);
        custom.put("orderCurrency", currency);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("custom", custom);
        SendRequestedV1 confirmation = new SendRequestedV1(confirmationRequestId(orderId), customerId.toString(),
                "EMAIL", "TRANSACTIONAL", "ORDER_CONFIRMATION", CONFIRMATION_TEMPLATE, null, language, variables,
                null, null, null, "system:order-link-service");
        outbox.publishAll(List.of(
                new OutgoingEvent(OrderEventsV1.TOPIC, OrderEventsV1.PLACED, workspaceId, customerId.toString(), placed),
                new OutgoingEvent(OrderEventsV1.COMMANDS, OrderEventsV1.SEND_REQUESTED, workspaceId,
                        customerId.toString(), confirmation)));
    }

    void statusChanged(UUID workspaceId, OrderView order, OrderStatus from, OrderStatus to, Instant at, String actor,
            String reason) {
        outbox.publish(new OutgoingEvent(OrderEventsV1.TOPIC, OrderEventsV1.STATUS_CHANGED, workspaceId,
                order.customerId().toString(), new OrderStatusChangedV1(order.id().toString(), order.number(),
                        order.customerId().toString(), from.name(), to.name(), order.currency(),
                        order.total().toPlainString(), at, actor, reason)));
    }

    /**
     * Erasure: the customer's events still held in the outbox (waiting for Kafka, or kept after publication)
     * carry their note and the reasons staff gave, so they go; what Kafka has is its retention's to forget.
     * Keyed by the customer id, and the workspace is checked in the CloudEvent itself.
     */
    void forgetWaiting(UUID workspaceId, UUID customerId) {
        jdbc.update("""
                DELETE FROM platform.outbox_event WHERE topic IN (?, ?) AND message_key = ?
                   AND payload::jsonb ->> 'workspaceid' = ?""", OrderEventsV1.TOPIC, OrderEventsV1.COMMANDS,
                customerId.toString(), workspaceId.toString());
    }

    static String confirmationRequestId(UUID orderId) {
        return "order-confirmation:" + orderId;
    }
}
