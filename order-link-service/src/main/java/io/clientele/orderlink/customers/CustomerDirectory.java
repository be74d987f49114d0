package io.clientele.orderlink.customers;

import io.clientele.orderlink.customers.CustomerEventsV1.Received;
import io.clientele.platform.inbox.Inbox;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return jdbc.query("SELECT " + COLUMNS + " FROM customer WHERE workspace_id = ? AND id = ?",
                (rs, n) -> read(rs, workspaceId, customerId), workspaceId, customerId).stream().findFirst();
    }

    /** What {@link #read} needs of a row of {@code customer}, for a query that joins it (prefix its alias). */
    public static final String COLUMNS = "display_name, language, currency, discount_percent, status, erased_at";

    /** The customer in the current row of a query that selected {@link #COLUMNS}; null if it found none. */
    public static OrderingCustomer read(ResultSet rs, UUID workspaceId, UUID customerId) throws SQLException {
        String status = rs.getString("status");
        if (status == null) {
            return null;
        }
        String currency = rs.getString("currency");
        return new OrderingCustomer(workspaceId, customerId, rs.getString("display_name"), rs.getString("language"),
                currency == null ? null : currency.strip(), rs.getBigDecimal("discount_percent"), status,
                rs.getTimestamp("erased_at") != null);
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
