package io.clientele.customer.orders;

import io.clientele.customer.customers.CustomerEvents.CustomerErased;
import io.clientele.customer.customers.CustomerEvents.ImportUndone;
import io.clientele.customer.customers.Customers;
import io.clientele.customer.orders.OrderEvents.Received;
import io.clientele.customer.timeline.Timeline;
import io.clientele.customer.timeline.TimelineEntry.Source;
import io.clientele.customer.timeline.TimelineEntry;
import io.clientele.customer.timeline.TimelineType;
import io.clientele.platform.inbox.Inbox;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies order-link-service's events, a batch in one transaction: every order placed and every status
 * change becomes a timeline entry (C-10), and one row per order keeps the overview's order count and
 * turnover (C-13). A later status never gives way to an earlier one; redeliveries are dropped by the inbox;
 * events about customers erased (or never known) are passed by, and an erasure forgets the rows.
 */
@Service
class OrderIngestion {

    static final String INBOX = "customer-service:order.events";

    private final Inbox inbox;
    private final Customers customers;
    private final Timeline timeline;
    private final JdbcTemplate jdbc;

    OrderIngestion(Inbox inbox, Customers customers, Timeline timeline, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.customers = customers;
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    @Transactional
    void apply(List<Received> batch) {
        List<Received> toApply = customers.aboutExistingCustomers(batch,
                inbox.firstDeliveries(INBOX, batch.stream().map(Received::delivery).toList()), Received::delivery,
                Received::workspaceId, Received::customerId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (Received event : toApply) {
            jdbc.update("""
                    INSERT INTO customer_order (workspace_id, order_id, customer_id, number, status, currency, total,
                                                placed_at, status_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (workspace_id, order_id) DO UPDATE SET
                        status = CASE WHEN excluded.status_changed_at >= customer_order.status_changed_at
                                      THEN excluded.status ELSE customer_order.status END,
                        status_changed_at = greatest(excluded.status_changed_at, customer_order.status_changed_at),
                        placed_at = coalesce(customer_order.placed_at, excluded.placed_at)""",
                    event.workspaceId(), event.orderId(), event.customerId(), event.number(), event.to(),
                    event.currency(), event.total(),
                    event.from() == null ? Timestamp.from(event.at()) : null, Timestamp.from(event.at()));
            entries.add(entry(event));
        }
        timeline.record(entries);
    }

    private static TimelineEntry entry(Received event) {
        String order = "Order #" + event.number();
        String amount = event.total().toPlainString() + " " + event.currency();
        boolean placed = event.from() == null;
        String title = placed ? order + " placed through the quick-order link: " + amount
                + " (" + event.lines() + (event.lines() == 1 ? " product)" : " products)")
                : order + " " + movedTo(event.to()) + (event.reason() == null ? "" : " (" + event.reason() + ")");
        return new TimelineEntry(event.workspaceId(), event.customerId(), event.at(),
                placed ? TimelineType.ORDER_PLACED : TimelineType.ORDER_STATUS_CHANGED, title,
                TimelineEntry.details("orderId", event.orderId(), "number", event.number(), "from", event.from(),
                        "to", event.to(), "currency", event.currency(), "total", event.total().toPlainString(),
                        "lines", placed ? event.lines() : null, "reason", event.reason()),
                new Source("order", event.orderId().toString(), "/api/v1/orders/" + event.orderId()), event.eventId());
    }

    private static String movedTo(String status) {
        return switch (status) {
            case "CONFIRMED" -> "confirmed";
            case "IN_PRODUCTION" -> "in production";
            case "SHIPPED" -> "shipped";
            case "CANCELLED" -> "cancelled";
            default -> "moved to " + status.toLowerCase(Locale.ROOT);
        };
    }

    @EventListener
    void on(CustomerErased event) {
        jdbc.update("DELETE FROM customer_order WHERE workspace_id = ? AND customer_id = ?", event.workspaceId(),
                event.customerId());
    }

    @EventListener
    void on(ImportUndone event) {
        if (!event.removed().isEmpty()) {
            jdbc.update("DELETE FROM customer_order WHERE workspace_id = ? AND customer_id = ANY(?)", event.workspaceId(),
                    event.removed().toArray(UUID[]::new));
        }
    }
}
