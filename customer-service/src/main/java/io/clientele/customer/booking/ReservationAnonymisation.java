package io.clientele.customer.booking;

import io.clientele.customer.customers.CustomerEvents.CustomerErased;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * C-5: an erased customer's reservations stay (the business's figures and the partner's late events need
 * them) but no longer point to anyone, and lose the one free text a partner wrote about the visit: the
 * cancel reason ("her mother is in hospital"). Service, staff and place describe the business, not the
 * customer, and stay.
 */
@Component
class ReservationAnonymisation {

    private final JdbcTemplate jdbc;

    ReservationAnonymisation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs while the customer still exists (it is deleted after the event), so its link still finds them. */
    @EventListener
    void on(CustomerErased event) {
        jdbc.update("UPDATE reservation SET customer_id = NULL, cancel_reason = NULL, updated_at = ?"
                + " WHERE workspace_id = ? AND customer_id = ?", Timestamp.from(event.erasedAt()), event.workspaceId(),
                event.customerId());
    }
}
