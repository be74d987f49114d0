package io.clientele.customer.search;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import io.clientele.platform.problem.FieldViolation;
import io.clientele.platform.problem.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which customers of a workspace a list, a bulk group change or a campaign is about. Every part is
 * optional; the parts combine with AND, the values inside one part with OR.
 *
 * @param query        substring of first name, last name, company, e-mail or phone digits; case- and
 *                     accent-insensitive; several words must all match
 * @param subscription the list's subscription column: SUBSCRIBED, UNSUBSCRIBED or MUTED
 * @param hasUpcomingReservation whether a partner reported a booked reservation still ahead
 * @param phoneRegion  ISO 3166 region in which a query that looks like a phone number is read ("00420 777...",
 *                     a national "07911 123456" in GB); null reads only the digits as typed
 */
public record CustomerFilter(
        String query,
        Set<LifecycleStatus> statuses,
        Set<SalesStage> stages,
        Set<Temperature> temperatures,
        Set<ContactState> subscription,
        Boolean muted,
        UUID groupId,
        Set<CustomerSource> sources,
        Boolean synced,
        Instant createdFrom,
        Instant createdTo,
        Boolean hasUpcomingReservation,
        String phoneRegion) {

    public static final CustomerFilter EVERYONE = new CustomerFilter(null, null, null, null, null, null, null, null,
            null, null, null, null);
    /** What PostgreSQL and JDBC both hold as a timestamp; further out is a typing slip, not a filter. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * @throws InvalidInputException naming the parameter when a list holds an empty value (a query string
     *                               such as {@code status=,,} or {@code stage=%00} converts to null items), a
     *                               date is out of range or the query holds a NUL character
     */
    public CustomerFilter {
        List<FieldViolation> violations = new ArrayList<>();
        statuses = copy("status", LifecycleStatus.class, statuses, violations);
        stages = copy("stage", SalesStage.class, stages, violations);
        temperatures = copy("temperature", Temperature.class, temperatures, violations);
        subscription = copy("subscription", ContactState.class, subscription, violations);
        sources = copy("source", CustomerSource.class, sources, violations);
        checkRange("createdFrom", createdFrom, violations);
        checkRange("createdTo", createdTo, violations);
        query = query == null || query.isBlank() ? null : query.strip();
        if (query != null && query.indexOf('\0') >= 0) {
            violations.add(new FieldViolation("q", "q", "must not contain NUL characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    public CustomerFilter(String query, Set<LifecycleStatus> statuses, Set<SalesStage> stages,
            Set<Temperature> temperatures, Set<ContactState> subscription, Boolean muted, UUID groupId,
            Set<CustomerSource> sources, Boolean synced, Instant createdFrom, Instant createdTo,
            Boolean hasUpcomingReservation) {
        this(query, statuses, stages, temperatures, subscription, muted, groupId, sources, synced, createdFrom,
                createdTo, hasUpcomingReservation, null);
    }

    /** The same filter, reading a phone-like query in the given region (the workspace's default country). */
    public CustomerFilter readingPhonesIn(String region) {
        return new CustomerFilter(query, statuses, stages, temperatures, subscription, muted, groupId, sources,
                synced, createdFrom, createdTo, hasUpcomingReservation, region);
    }

    private static <E extends Enum<E>> Set<E> copy(String parameter, Class<E> type, Set<E> values,
            List<FieldViolation> violations) {
        if (values == null) {
            return Set.of();
        }
        // (stream, not contains(null): immutable sets throw on that question)
        if (values.stream().anyMatch(Objects::isNull)) {
            violations.add(new FieldViolation(parameter, "enum", "holds an empty value; give one or more of "
                    + Arrays.toString(type.getEnumConstants()) + " separated by commas"));
            return Set.of();
        }
        return Set.copyOf(values);
    }

    private static void checkRange(String parameter, Instant value, List<FieldViolation> violations) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            violations.add(new FieldViolation(parameter, "Range", "must be between " + EARLIEST + " and " + LATEST));
        }
    }
}
