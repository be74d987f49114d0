package io.clientele.customer.booking;

import io.clientele.customer.customers.Customers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C-8 and C-13: a customer's reservations and the figures drawn from them. */
@Service
class ReservationQueries {

    static final int MAX_RESERVATIONS = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Customers customers;

    ReservationQueries(NamedParameterJdbcTemplate jdbc, Customers customers) {
        this.jdbc = jdbc;
        this.customers = customers;
    }

    /** A reservation as the customer's history shows it. */
    record ReservationView(UUID id, String partner, String externalId, ReservationStatus status, String service,
            String staff, String location, Instant startsAt, Instant endsAt, String cancelReason, Instant updatedAt) {
    }

    /**
     * @param lastVisit when the customer last came (the latest completed reservation)
     * @param nextVisit the soonest booked reservation still ahead
     */
    record Overview(int reservations, int completed, int noShows, int cancellations, int upcoming, Instant lastVisit,
            Instant nextVisit) {
    }

    @Transactional(readOnly = true)
    List<ReservationView> history(UUID workspaceId, UUID customerId) {
        customers.requireExisting(workspaceId, customerId);
        return reservations(workspaceId, customerId, MAX_RESERVATIONS);
    }

    /** Every reservation of the customer, newest first: for the GDPR export, which may not leave any out. */
    List<ReservationView> all(UUID workspaceId, UUID customerId) {
        return reservations(workspaceId, customerId, Integer.MAX_VALUE);
    }

    private List<ReservationView> reservations(UUID workspaceId, UUID customerId, int limit) {
        return jdbc.query("""
                SELECT id, partner, external_id, status, service, staff, location, starts_at, ends_at, cancel_reason,
                       updated_at
                FROM reservation WHERE workspace_id = :workspaceId AND customer_id = :customerId
                ORDER BY starts_at DESC, id LIMIT :limit""",
                Map.of("workspaceId", workspaceId, "customerId", customerId, "limit", limit),
                (rs, i) -> new ReservationView(rs.getObject("id", UUID.class), rs.getString("partner"),
                        rs.getString("external_id"), ReservationStatus.valueOf(rs.getString("status")),
                        rs.getString("service"), rs.getString("staff"), rs.getString("location"),
                        ReservationStore.instant(rs, "starts_at"), ReservationStore.instant(rs, "ends_at"),
                        rs.getString("cancel_reason"), ReservationStore.instant(rs, "updated_at")));
    }

    @Transactional(readOnly = true)
    Overview overview(UUID workspaceId, UUID customerId) {
        customers.requireExisting(workspaceId, customerId);
        return jdbc.queryForObject("""
                SELECT count(*) AS reservations,
                       count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                       count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows,
                       count(*) FILTER (WHERE status = 'CANCELLED') AS cancellations,
                       count(*) FILTER (WHERE status = 'BOOKED' AND starts_at > now()) AS upcoming,
                       max(starts_at) FILTER (WHERE status = 'COMPLETED') AS last_visit,
                       min(starts_at) FILTER (WHERE status = 'BOOKED' AND starts_at > now()) AS next_visit
                FROM reservation WHERE workspace_id = :workspaceId AND customer_id = :customerId""",
                Map.of("workspaceId", workspaceId, "customerId", customerId),
                (rs, i) -> new Overview(rs.getInt("reservations"), rs.getInt("completed"), rs.getInt("no_shows"),
                        rs.getInt("cancellations"), rs.getInt("upcoming"), ReservationStore.instant(rs, "last_visit"),
                        ReservationStore.instant(rs, "next_visit")));
    }
}
