package io.clientele.orderlink.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The integration events of {@code order.events} and the confirmation command, as versioned records
 * separate from the domain (platform/contracts has their schemas). Amounts are decimal strings at the
 * currency's scale ("1299.50"), so no reader ever meets a binary fraction.
 */
final class OrderEventsV1 {

    static final String TOPIC = "order.events";
    static final String PLACED = "order.placed.v1";
    static final String STATUS_CHANGED = "order.status-changed.v1";
    static final String COMMANDS = "communication.commands";
    static final String SEND_REQUESTED = "communication.send-requested.v1";

    private OrderEventsV1() {
    }

    record OrderPlacedV1(String orderId, long number, String customerId, String status, String currency, String total,
            List<LineV1> lines, String language, Instant placedAt) {
    }

    record LineV1(String productId, String sku, String name, String unit, int quantity, String unitPrice,
            String lineTotal) {
    }

    record OrderStatusChangedV1(String orderId, long number, String customerId, String from, String to,
            String currency, String total, Instant changedAt, String changedBy, String reason) {
    }

    /** communication.send-requested.v1, trimmed to what an order confirmation sets (the rest is null). */
    record SendRequestedV1(String requestId, String customerId, String channel, String category, String purpose,
            String templateKey, Object content, String language, Map<String, Object> variables, String scenarioId,
            String stepId, Instant notBefore, String requestedBy) {
    }
}
