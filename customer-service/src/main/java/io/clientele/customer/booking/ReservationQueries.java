package io.clientele.customer.booking;

import io.clientele.customer.customers.Customers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** C-8 and C-13: a customer's reservations and the figures drawn from them (and from their quick orders). */
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
     * @param orders    quick orders and turnover per currency (order-link-service's orders)
     */
    record Overview(int reservations, int completed, int noShows, int cancellations, int upcoming, Instant lastVisit,
            Instant nextVisit, OrderFigures orders) {
    }

    /**
     * A customer's quick orders (order-link-service, kept per order by the orders module from order.events):
     * how many were placed, how many cancelled, and the turnover per currency, the totals of every order not
     * cancelled. Amounts in different currencies are never added together.
     */
    record OrderFigures(int placed, int cancelled, List<Turnover> turnover) {
    }

    record Turnover(String currency, BigDecimal amount) {
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
                        ReservationStore.instant(rs, "next_visit"), orderFigures(workspaceId, customerId)));
    }

    /** Read here, not through the orders module: that module writes the timeline, which reads bookings. */
    private OrderFigures orderFigures(UUID workspaceId, UUID customerId) {
        Map<String, Object> keys = Map.of("workspaceId", workspaceId, "customerId", customerId);
        List<Turnover> turnover = jdbc.query("""
                SELECT currency, sum(total) AS amount FROM customer_order
                 WHERE workspace_id = :workspaceId AND customer_id = :customerId AND status <> 'CANCELLED'
                 GROUP BY currency ORDER BY currency""", keys,
                (rs, i) -> new Turnover(rs.getString("currency").strip(),
                        scaled(rs.getBigDecimal("amount"), rs.getString("currency").strip())));
        return jdbc.queryForObject("""
                SELECT count(*) AS placed, count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                  FROM customer_order WHERE workspace_id = :workspaceId AND customer_id = :customerId""", keys,
                (rs, i) -> new OrderFigures(rs.getInt("placed"), rs.getInt("cancelled"), turnover));
    }

    /** At the currency's own scale (order amounts arrive at it, so nothing is rounded away). */
    private static BigDecimal scaled(BigDecimal amount, String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? amount.stripTrailingZeros() : amount.setScale(digits, RoundingMode.HALF_UP);
        } catch (IllegalArgumentException unknown) {
            return amount.stripTrailingZeros();
        }
    }
}
