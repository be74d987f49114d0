package io.clientele.customer.timeline;

import io.clientele.customer.booking.BookingEvents.Reservation;
import io.clientele.customer.booking.UpcomingReservations;
import io.clientele.customer.customers.Customers;
import io.clientele.customer.customers.ImportHistory;
import io.clientele.customer.timeline.TimelineEntry.Source;
import io.clientele.platform.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** C-10: reads a customer's timeline: planned entries soonest first, then the past newest first, in pages. */
@Service
class TimelineQueries {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_PLANNED = 50;
    private static final Pattern CURSOR = Pattern.compile("(-?\\d{1,19}):([0-9a-f-]{36})");
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final Customers customers;
    private final ImportHistory imports;
    private final UpcomingReservations upcoming;
    private final JsonMapper json;
    private final Clock clock;

    TimelineQueries(NamedParameterJdbcTemplate jdbc, Customers customers, ImportHistory imports,
            UpcomingReservations upcoming, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.imports = imports;
        this.upcoming = upcoming;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param date   when it happened, or for a planned entry when it will
     * @param source where the full story is
     */
    record Item(UUID id, Instant date, TimelineType type, String title, Map<String, Object> details, Source source) {
    }

    /**
     * @param planned    what is still ahead, soonest first (on the first page only)
     * @param past       what happened, newest first
     * @param nextCursor pass it back as {@code cursor} for older entries; null when there are none
     */
    record Page(List<Item> planned, List<Item> past, String nextCursor) {
    }

    @Transactional(readOnly = true)
    Page timeline(UUID workspaceId, UUID customerId, Set<TimelineType> types, Integer limit, String cursorToken) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "Range", "must be between 1 and " + MAX_LIMIT);
        }
        Position after = cursorToken == null || cursorToken.isBlank() ? null : Position.decode(cursorToken);
        customers.requireExisting(workspaceId, customerId);

        List<Item> planned = after != null ? List.of() : planned(workspaceId, customerId, types);

        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, type, title, details, source_type, source_id, source_href
                FROM timeline_entry WHERE customer_id = :customerId AND workspace_id = :workspaceId""");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("customerId", customerId)
                .addValue("workspaceId", workspaceId).addValue("limit", size + 1);
        if (types != null && !types.isEmpty()) {
            sql.append(" AND type IN (:types)");
            params.addValue("types", types.stream().map(Enum::name).toList());
        }
        if (after != null) {
            sql.append(" AND (occurred_at, id) < (:afterAt, :afterId)");
            params.addValue("afterAt", Timestamp.from(after.occurredAt())).addValue("afterId", after.id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :limit");
        List<Item> past = new ArrayList<>(jdbc.query(sql.toString(), params, this::item));
        if (types == null || types.isEmpty() || types.contains(TimelineType.IMPORTED)
                || types.contains(TimelineType.IMPORT_UNDONE)) {
            imports.of(workspaceId, customerId, after == null ? null : after.occurredAt(),
                    after == null ? null : after.id(), size + 1).stream()
                    .map(TimelineQueries::item)
                    .filter(item -> types == null || types.isEmpty() || types.contains(item.type()))
                    .forEach(past::add);
            // newest first, ties by id as PostgreSQL orders uuids (unsigned, byte by byte)
            past.sort(Comparator.comparing(Item::date).thenComparing(Item::id, TimelineQueries::compareUuids)
                    .reversed());
            if (past.size() > size + 1) {
                past = new ArrayList<>(past.subList(0, size + 1));
            }
        }
        String next = null;
        if (past.size() > size) {
            past = past.subList(0, size);
            Item last = past.getLast();
            next = new Position(last.date(), last.id()).encode();
        }
        return new Page(planned, past, next);
    }

    /** Reservations still ahead and what other services planned, soonest first. */
    private List<Item> planned(UUID workspaceId, UUID customerId, Set<TimelineType> types) {
        Instant now = clock.instant();
        List<Item> planned = new ArrayList<>();
        if (types == null || types.isEmpty() || types.contains(TimelineType.RESERVATION_UPCOMING)) {
            upcoming.of(workspaceId, customerId, now, MAX_PLANNED)
                    .forEach(reservation -> planned.add(planned(customerId, reservation)));
        }
        StringBuilder sql = new StringBuilder("""
                SELECT id, due_at AS occurred_at, type, title, details, source_type, source_id, source_href
                FROM timeline_planned_entry WHERE customer_id = :customerId AND workspace_id = :workspaceId
                  AND due_at >= :now""");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("customerId", customerId)
                .addValue("workspaceId", workspaceId).addValue("now", Timestamp.from(now))
                .addValue("limit", MAX_PLANNED);
        if (types != null && !types.isEmpty()) {
            sql.append(" AND type IN (:types)");
            params.addValue("types", types.stream().map(Enum::name).toList());
        }
        sql.append(" ORDER BY due_at LIMIT :limit");
        planned.addAll(jdbc.query(sql.toString(), params, this::item));
        planned.sort(Comparator.comparing(Item::date));
        return planned.size() <= MAX_PLANNED ? planned : List.copyOf(planned.subList(0, MAX_PLANNED));
    }

    /** An entry told from the import's log. */
    private static Item item(ImportHistory.Entry entry) {
        Source source = new Source("import", entry.importId().toString(), "/api/v1/imports/" + entry.importId());
        if (entry.undone()) {
            String title = "KEPT".equals(entry.outcome())
                    ? "The import of " + entry.importName() + " was undone; this customer was changed since and was"
                            + " left as it is"
                    : "The import of " + entry.importName() + " was undone: "
                            + TimelineProjection.fieldList(entry.fields()) + " restored";
            return new Item(entry.id(), entry.at(), TimelineType.IMPORT_UNDONE, title, TimelineEntry.details(
                    "importId", entry.importId(), "fields", entry.fields(), "outcome", entry.outcome()), source);
        }
        String title = "CREATED".equals(entry.kind()) ? "Customer created by the import of " + entry.importName()
                : "Updated by the import of " + entry.importName() + ": " + TimelineProjection.fieldList(entry.fields());
        return new Item(entry.id(), entry.at(), TimelineType.IMPORTED, title, TimelineEntry.details("importId",
                entry.importId(), "actor", entry.actor(), "fields", entry.fields().isEmpty() ? null : entry.fields()),
                source);
    }

    private static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private Item item(ResultSet rs, int row) throws SQLException {
        String details = rs.getString("details");
        return new Item(rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                TimelineType.valueOf(rs.getString("type")), rs.getString("title"),
                details == null ? Map.of() : json.readValue(details, DETAILS),
                new Source(rs.getString("source_type"), rs.getString("source_id"), rs.getString("source_href")));
    }

    private static Item planned(UUID customerId, Reservation reservation) {
        StringBuilder title = new StringBuilder(reservation.service() == null ? "Reservation" : reservation.service());
        if (reservation.staff() != null) {
            title.append(" with ").append(reservation.staff());
        }
        if (reservation.location() != null) {
            title.append(", ").append(reservation.location());
        }
        return new Item(reservation.id(), reservation.startsAt(), TimelineType.RESERVATION_UPCOMING, title.toString(),
                TimelineProjection.details("reservationId", reservation.id(), "partner", reservation.partner(),
                        "externalId", reservation.externalId(), "service", reservation.service(),
                        "staff", reservation.staff(), "location", reservation.location(),
                        "startsAt", reservation.startsAt(), "endsAt", reservation.endsAt()),
                new Source("reservation", reservation.id().toString(),
                        "/api/v1/customers/" + customerId + "/reservations"));
    }

    /** Where a page ended; opaque to clients. Times are kept to the microsecond, as PostgreSQL keeps them. */
    record Position(Instant occurredAt, UUID id) {

        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Position decode(String token) {
            try {
                Matcher matcher = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(token),
                        StandardCharsets.US_ASCII));
                if (matcher.matches()) {
                    return new Position(Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS),
                            UUID.fromString(matcher.group(2)));
                }
            } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException notOurs) {
                // answered below
            }
            throw InvalidInputException.of("cursor", "cursor", "is not a cursor this API returned");
        }
    }
}
