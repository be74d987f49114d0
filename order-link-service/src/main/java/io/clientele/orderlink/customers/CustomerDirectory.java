package io.clientele.orderlink.customers;

import io.clientele.orderlink.customers.CustomerEventsV1.Received;
import io.clientele.platform.inbox.Inbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local read model of customer-service's customers: kept from {@code customer.events} (a batch in
 * one transaction, redeliveries dropped by the inbox), read by the page, pricing and orders. An erased
 * customer keeps only a row saying so: nothing brings them back, and every module forgets them too.
 */
@Service
public class CustomerDirectory {

    static final String INBOX = "order-link-service:customer.events";

    private final JdbcTemplate jdbc;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerDirectory(JdbcTemplate jdbc, Inbox inbox, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    public Optional<OrderingCustomer> find(UUID workspaceId, UUID customerId) {
        return jdbc.query("""
                SELECT display_name, language, currency, discount_percent, status, erased_at FROM customer
                 WHERE workspace_id = ? AND id = ?""", (rs, n) -> new OrderingCustomer(workspaceId, customerId,
                rs.getString(1), rs.getString(2), rs.getString(3) == null ? null : rs.getString(3).strip(),
                rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6) != null), workspaceId, customerId)
                .stream().findFirst();
    }

    @Transactional
    void apply(List<Received> batch) {
        Set<Inbox.Delivery> fresh = inbox.firstDeliveries(INBOX, batch.stream().map(Received::delivery).toList());
        Timestamp now = Timestamp.from(clock.instant());
        for (Received event : batch) {
            if (!fresh.remove(event.delivery())) {
                continue;
            }
            switch (event.type()) {
                case CustomerEventsV1.CREATED, CustomerEventsV1.UPDATED -> jdbc.update("""
                        INSERT INTO customer (workspace_id, id, display_name, language, currency, discount_percent, status,
                                              updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, coalesce(?, 'NEW'), ?)
                        ON CONFLICT (workspace_id, id) DO UPDATE SET display_name = excluded.display_name,
                            language = excluded.language, currency = excluded.currency,
                            discount_percent = excluded.discount_percent,
                            status = coalesce(?, customer.status), updated_at = excluded.updated_at
                         WHERE customer.erased_at IS NULL""",
                        event.workspaceId(), event.customerId(), event.customer().displayName(),
                        event.customer().language(), currency(event.customer().currency()),
                        event.customer().discountPercent(), event.status(), now, event.status());
                case CustomerEventsV1.STATUS_CHANGED -> jdbc.update("""
                        INSERT INTO customer (workspace_id, id, status, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (workspace_id, id) DO UPDATE SET status = excluded.status,
                            updated_at = excluded.updated_at WHERE customer.erased_at IS NULL""",
                        event.workspaceId(), event.customerId(), event.status(), now);
                case CustomerEventsV1.ERASED -> {
                    jdbc.update("""
                            INSERT INTO customer (workspace_id, id, status, erased_at, updated_at) VALUES (?, ?, 'ERASED', ?, ?)
                            ON CONFLICT (workspace_id, id) DO UPDATE SET display_name = NULL,
                                language = NULL, currency = NULL, discount_percent = 0, status = 'ERASED',
                                erased_at = coalesce(customer.erased_at, excluded.erased_at),
                                updated_at = excluded.updated_at""",
                            event.workspaceId(), event.customerId(), now, now);
                    events.publishEvent(new CustomerErased(event.workspaceId(), event.customerId()));
                }
                default -> throw new IllegalStateException("unexpected type " + event.type());
            }
        }
    }

    /** A currency the service cannot price in is kept as none: the page then uses the workspace's. */
    private static String currency(String code) {
        return code != null && code.matches("[A-Z]{3}") ? code : null;
    }
}
