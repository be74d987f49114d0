package io.clientele.scenario.enrollments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What scenarios read of other services' data, copied from their events: the customer (synced, status,
 * language, subscription) and their reservations. An erased customer keeps a row saying so, which no late event
 * can undo.
 */
@Repository
class ReadModel {

    record CustomerFacts(boolean synced, String status, String language, String subscription, boolean erased,
            LocalDate birthDate, Instant nextBirthdayAt) {
    }

    /** The customer's date of birth and the moment of the next greeting its timer carries. */
    record Birthday(LocalDate birthDate, Instant nextAt, boolean erased) {
    }

    record ReservationFacts(UUID id, UUID customerId, String status, String service, String staff, String location,
            Instant startsAt, Instant endsAt) {
    }

    private final JdbcTemplate jdbc;

    ReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void customer(UUID workspaceId, UUID id, boolean synced, String status, String language, Instant now) {
        jdbc.update("""
                INSERT INTO customer (workspace_id, id, synced, status, language, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (workspace_id, id) DO UPDATE SET synced = customer.synced OR excluded.synced,
                    status = coalesce(excluded.status, customer.status), language = excluded.language,
                    updated_at = excluded.updated_at
                 WHERE customer.erased_at IS NULL""", workspaceId, id, synced, status, language, Timestamp.from(now));
    }

    void status(UUID workspaceId, UUID id, String status, Instant now) {
        jdbc.update("""
                INSERT INTO customer (workspace_id, id, status, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at
                 WHERE customer.erased_at IS NULL""", workspaceId, id, status, Timestamp.from(now));
    }

    void subscription(UUID workspaceId, UUID id, String subscription, Instant now) {
        jdbc.update("""
                INSERT INTO customer (workspace_id, id, subscription, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, id) DO UPDATE SET subscription = excluded.subscription,
                    updated_at = excluded.updated_at WHERE customer.erased_at IS NULL""", workspaceId, id,
                subscription, Timestamp.from(now));
    }

    /** Reservation customers are synced (B-2): reservation-driven scenarios apply to them. */
    void reservation(UUID workspaceId, ReservationFacts reservation, Instant occurredAt, Instant now) {
        customer(workspaceId, reservation.customerId(), true, null, null, now);
        jdbc.update("""
                INSERT INTO reservation (workspace_id, id, customer_id, status, service, staff, location, starts_at,
                                         ends_at, occurred_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM customer WHERE workspace_id = ? AND id = ? AND erased_at IS NOT NULL)
                ON CONFLICT (workspace_id, id) DO UPDATE SET status = excluded.status, service = excluded.service,
                    staff = excluded.staff, location = excluded.location, starts_at = excluded.starts_at,
                    ends_at = excluded.ends_at, occurred_at = excluded.occurred_at
                 WHERE excluded.occurred_at >= reservation.occurred_at""", workspaceId, reservation.id(),
                reservation.customerId(), reservation.status(), reservation.service(), reservation.staff(),
                reservation.location(), Timestamp.from(reservation.startsAt()),
                reservation.endsAt() == null ? null : Timestamp.from(reservation.endsAt()), Timestamp.from(occurredAt),
                workspaceId, reservation.customerId());
    }

    /** Forgets the customer's data; the row stays as the erasure's mark. */
    void erase(UUID workspaceId, UUID id, Instant now) {
        jdbc.update("DELETE FROM reservation WHERE workspace_id = ? AND customer_id = ?", workspaceId, id);
        jdbc.update("""
                INSERT INTO customer (workspace_id, id, erased_at, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (workspace_id, id) DO UPDATE SET synced = false, status = NULL, language = NULL,
                    subscription = NULL, birth_date = NULL, next_birthday_at = NULL, erased_at = coalesce(customer.erased_at, excluded.erased_at),
                    updated_at = excluded.updated_at""", workspaceId, id, Timestamp.from(now), Timestamp.from(now));
    }

    Optional<CustomerFacts> customer(UUID workspaceId, UUID id) {
        return jdbc.query("""
                SELECT synced, status, language, subscription, erased_at IS NOT NULL, birth_date, next_birthday_at
                  FROM customer WHERE workspace_id = ? AND id = ?""", (rs, n) -> new CustomerFacts(rs.getBoolean(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getObject(6, LocalDate.class), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()),
                workspaceId, id).stream().findFirst();
    }

    /** The customer's birthday, locked: a changed date and a firing timer decide one after the other. */
    Optional<Birthday> birthdayForUpdate(UUID workspaceId, UUID id) {
        return jdbc.query("""
                SELECT birth_date, next_birthday_at, erased_at IS NOT NULL FROM customer
                 WHERE workspace_id = ? AND id = ? FOR UPDATE""", (rs, n) -> new Birthday(
                rs.getObject(1, LocalDate.class), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                rs.getBoolean(3)), workspaceId, id).stream().findFirst();
    }

    void birthday(UUID workspaceId, UUID id, LocalDate birthDate, Instant nextAt) {
        jdbc.update("UPDATE customer SET birth_date = ?, next_birthday_at = ? WHERE workspace_id = ? AND id = ?",
                birthDate, nextAt == null ? null : Timestamp.from(nextAt), workspaceId, id);
    }

    List<ReservationFacts> reservationsOf(UUID workspaceId, UUID customerId) {
        return jdbc.query("""
                SELECT id, customer_id, status, service, staff, location, starts_at, ends_at FROM reservation
                 WHERE workspace_id = ? AND customer_id = ? ORDER BY starts_at, id""", (rs, n) -> new ReservationFacts(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()), workspaceId, customerId);
    }

    Optional<ReservationFacts> reservation(UUID workspaceId, UUID id) {
        return jdbc.query("""
                SELECT id, customer_id, status, service, staff, location, starts_at, ends_at FROM reservation
                 WHERE workspace_id = ? AND id = ?""", (rs, n) -> new ReservationFacts(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
                workspaceId, id).stream().findFirst();
    }
}
