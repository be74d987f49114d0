package io.clientele.customer.search;

import io.clientele.customer.customers.ContactState;
import io.clientele.customer.customers.CustomerSource;
import io.clientele.customer.customers.LifecycleStatus;
import io.clientele.customer.customers.SalesStage;
import io.clientele.customer.customers.Temperature;
import java.time.Instant;
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
        Boolean hasUpcomingReservation) {

    public static final CustomerFilter EVERYONE = new CustomerFilter(null, null, null, null, null, null, null, null,
            null, null, null, null);

    public CustomerFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        temperatures = temperatures == null ? Set.of() : Set.copyOf(temperatures);
        subscription = subscription == null ? Set.of() : Set.copyOf(subscription);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        query = query == null || query.isBlank() ? null : query.strip();
    }
}
