package io.clientele.customer.booking;

import io.clientele.customer.booking.BookingEvents.Reservation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reservations and partner identities in set-based SQL: one statement per batch, not per event. */
@Repository
class ReservationStore {

    private final JdbcTemplate jdbc;

    ReservationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A reservation's current state and the event that decided it. */
    record Stored(Reservation reservation, UUID customerId, Instant lastEventAt, int lastEventRank, String lastEventId,
            boolean isNew) {
    }

    /** The identities known among those asked, locked against a concurrent first link. */
    Map<ReservationEvent.IdentityKey, UUID> identities(Collection<ReservationEvent.IdentityKey> keys) {
        Map<ReservationEvent.IdentityKey, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT i.workspace_id, i.partner, i.external_id, i.customer_id FROM customer_identity i
                JOIN unnest(?::uuid[], ?::text[], ?::text[]) AS k(workspace_id, partner, external_id)
                  ON i.workspace_id = k.workspace_id AND i.partner = k.partner AND i.external_id = k.external_id""",
                rs -> {
                    found.put(new ReservationEvent.IdentityKey(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3)), rs.getObject(4, UUID.class));
                },
                keys.stream().map(ReservationEvent.IdentityKey::workspaceId).toArray(UUID[]::new),
                keys.stream().map(ReservationEvent.IdentityKey::partner).toArray(String[]::new),
                keys.stream().map(ReservationEvent.IdentityKey::externalId).toArray(String[]::new));
        return found;
    }

    /**
     * Transaction-scoped advisory locks on these keys, taken in one order by every transaction (so two
     * never wait on each other in a circle), held until commit.
     */
    void lockForCreation(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.query("SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k"
                + " FROM unnest(?::text[]) AS key ORDER BY k) AS locks", rs -> {
                }, (Object) keys.toArray(String[]::new));
    }

    void link(Map<ReservationEvent.IdentityKey, UUID> identities, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        identities.forEach((key, customer) -> rows.add(new Object[] {key.workspaceId(), key.partner(), key.externalId(),
                customer, Timestamp.from(now)}));
        jdbc.batchUpdate("INSERT INTO customer_identity (workspace_id, partner, external_id, customer_id, linked_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows);
    }

    /** The reservations among those asked, locked until the batch commits. */
    Map<ReservationEvent.ReservationKey, Stored> reservations(Collection<ReservationEvent.ReservationKey> keys) {
        Map<ReservationEvent.ReservationKey, Stored> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT r.* FROM reservation r
                JOIN unnest(?::uuid[], ?::text[], ?::text[]) AS k(workspace_id, partner, external_id)
                  ON r.workspace_id = k.workspace_id AND r.partner = k.partner AND r.external_id = k.external_id
                ORDER BY r.id
                FOR UPDATE OF r""",
                rs -> {
                    Stored stored = stored(rs);
                    found.put(new ReservationEvent.ReservationKey(rs.getObject("workspace_id", UUID.class),
                            stored.reservation().partner(), stored.reservation().externalId()), stored);
                },
                keys.stream().map(ReservationEvent.ReservationKey::workspaceId).toArray(UUID[]::new),
                keys.stream().map(ReservationEvent.ReservationKey::partner).toArray(String[]::new),
                keys.stream().map(ReservationEvent.ReservationKey::externalId).toArray(String[]::new));
        return found;
    }

    /**
     * Writes the reservations' new states. The WHERE clause keeps the newest state even if another
     * instance wrote one in between (it cannot for existing rows, which are locked, but can for new ones).
     */
    void save(Map<ReservationEvent.ReservationKey, Stored> states, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        states.forEach((key, state) -> {
            Reservation r = state.reservation();
            rows.add(new Object[] {r.id(), key.workspaceId(), r.partner(), r.externalId(), state.customerId(),
                    r.status().name(), r.service(), r.staff(), r.location(), Timestamp.from(r.startsAt()),
                    r.endsAt() == null ? null : Timestamp.from(r.endsAt()), r.cancelReason(),
                    Timestamp.from(state.lastEventAt()), state.lastEventRank(), state.lastEventId(), Timestamp.from(now),
                    Timestamp.from(now)});
        });
        jdbc.batchUpdate("""
                INSERT INTO reservation (id, workspace_id, partner, external_id, customer_id, status, service, staff,
                                         location, starts_at, ends_at, cancel_reason, last_event_at, last_event_rank,
                                         last_event_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT reservation_per_partner DO UPDATE SET
                    customer_id = EXCLUDED.customer_id, status = EXCLUDED.status, service = EXCLUDED.service,
                    staff = EXCLUDED.staff, location = EXCLUDED.location, starts_at = EXCLUDED.starts_at,
                    ends_at = EXCLUDED.ends_at, cancel_reason = EXCLUDED.cancel_reason,
                    last_event_at = EXCLUDED.last_event_at, last_event_rank = EXCLUDED.last_event_rank,
                    last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at
                WHERE (reservation.last_event_at, reservation.last_event_rank)
                      < (EXCLUDED.last_event_at, EXCLUDED.last_event_rank)""", rows);
    }

    /**
     * How many completed reservations each of these customers has, for those still NEW: only they can
     * become REGULAR, and most customers of a busy salon are not NEW any more.
     */
    Map<UUID, Integer> completedCountsOfNewCustomers(Collection<UUID> customers) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (!customers.isEmpty()) {
            // Driven from the customers asked (by primary key), each counted through its own index range:
            // the same plan with or without table statistics.
            jdbc.query("SELECT c.id, (SELECT count(*) FROM reservation r WHERE r.customer_id = c.id"
                    + " AND r.status = 'COMPLETED') FROM customer c WHERE c.id = ANY (?) AND c.status = 'NEW'", rs -> {
                        counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    }, (Object) customers.toArray(UUID[]::new));
        }
        return counts;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Reservation reservation = new Reservation(rs.getObject("id", UUID.class), rs.getString("partner"),
                rs.getString("external_id"), ReservationStatus.valueOf(rs.getString("status")), rs.getString("service"),
                rs.getString("staff"), rs.getString("location"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getString("cancel_reason"));
        return new Stored(reservation, rs.getObject("customer_id", UUID.class), instant(rs, "last_event_at"),
                rs.getInt("last_event_rank"), rs.getString("last_event_id"), false);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
