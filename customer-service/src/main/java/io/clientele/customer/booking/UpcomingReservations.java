package io.clientele.customer.booking;

import io.clientele.customer.booking.BookingEvents.Reservation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The reservations a customer still has ahead: what the timeline shows as planned. */
@Component
public class UpcomingReservations {

    private final JdbcTemplate jdbc;

    UpcomingReservations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Booked reservations starting after {@code after}, soonest first. */
    public List<Reservation> of(UUID workspaceId, UUID customerId, Instant after, int limit) {
        return jdbc.query("""
                SELECT id, partner, external_id, status, service, staff, location, starts_at, ends_at, cancel_reason
                FROM reservation
                WHERE customer_id = ? AND workspace_id = ? AND status = 'BOOKED' AND starts_at > ?
                ORDER BY starts_at, id LIMIT ?""",
                (rs, i) -> new Reservation(rs.getObject("id", UUID.class), rs.getString("partner"),
                        rs.getString("external_id"), ReservationStatus.valueOf(rs.getString("status")),
                        rs.getString("service"), rs.getString("staff"), rs.getString("location"),
                        ReservationStore.instant(rs, "starts_at"), ReservationStore.instant(rs, "ends_at"),
                        rs.getString("cancel_reason")),
                customerId, workspaceId, Timestamp.from(after), limit);
    }
}
