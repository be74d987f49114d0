package io.clientele.customer.orders;

import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.inbox.Inbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What customer-service reads of {@code order.events} (order-link-service): its own trimmed copies
 * (platform/contracts has the full schemas). Amounts arrive as decimal strings; anything else is unreadable.
 */
final class OrderEvents {

    static final String PLACED = "order.placed.v1";
    static final String STATUS_CHANGED = "order.status-changed.v1";
    private static final List<String> STATUSES = List.of("NEW", "CONFIRMED", "IN_PRODUCTION", "SHIPPED", "CANCELLED");

    private OrderEvents() {
    }

    /**
     * One order event: placed (from is null, lines counted) or a status change.
     *
     * @param at when it was placed or moved
     */
    record Received(String eventId, UUID workspaceId, String type, UUID orderId, long number, UUID customerId,
            String from, String to, String currency, BigDecimal total, int lines, Instant at, String reason) {

        /** The inbox's key: the event's workspace and id. */
        Inbox.Delivery delivery() {
            return new Inbox.Delivery(workspaceId, eventId);
        }
    }

    /** @return the event, or null when it is of a type customer-service does not follow */
    static Received read(byte[] value) throws UnreadableEvent {
        JsonNode event = EventFields.parse(value);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        JsonNode data = envelope.data();
        boolean placed = PLACED.equals(envelope.type());
        if (!placed && !STATUS_CHANGED.equals(envelope.type())) {
            return null;
        }
        UUID orderId = check.uuid(data, "orderId", "data.orderId", true);
        Long number = check.integer(data, "number", "data.number", 1, Long.MAX_VALUE, true);
        UUID customerId = check.uuid(data, "customerId", "data.customerId", true);
        String currency = check.text(data, "currency", "data.currency", 3, true);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            check.fail("data.currency", "must be an ISO 4217 code such as CZK");
        }
        BigDecimal total = amount(check, data, "total");
        String from = placed ? null : status(check, data, "from");
        String to = placed ? status(check, data, "status") : status(check, data, "to");
        JsonNode lines = placed ? check.array(data, "lines", "data.lines", true) : null;
        Instant at = check.instant(data, placed ? "placedAt" : "changedAt", placed ? "data.placedAt" : "data.changedAt",
                true);
        String reason = placed ? null : check.text(data, "reason", "data.reason", 500, false);
        check.done();
        return new Received(envelope.id(), envelope.workspaceId(), envelope.type(), orderId, number, customerId, from,
                to, currency, total, lines == null ? 0 : lines.size(), at, reason);
    }

    private static String status(EventFields check, JsonNode data, String field) {
        String status = check.text(data, field, "data." + field, 20, true);
        if (status != null && !STATUSES.contains(status)) {
            check.fail("data." + field, "'" + status + "' is not one of " + STATUSES);
        }
        return status;
    }

    private static BigDecimal amount(EventFields check, JsonNode data, String field) {
        String text = check.text(data, field, "data." + field, 20, true);
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
            check.fail("data." + field, "must be a decimal amount as a string, e.g. \"1299.50\"");
            return null;
        }
        return new BigDecimal(text);
    }
}
