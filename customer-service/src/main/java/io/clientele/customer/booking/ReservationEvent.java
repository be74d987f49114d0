package io.clientele.customer.booking;

import io.clientele.customer.customers.BookingContact;
import io.clientele.platform.inbox.Inbox;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's reservation event, read and checked.
 *
 * @param eventId    the CloudEvent id, unique per partner
 * @param partner    the partner system (the CloudEvent source)
 * @param occurredAt when it happened at the partner: a reservation's events are ordered by it
 */
public record ReservationEvent(
        String eventId,
        String partner,
        ReservationChange change,
        Instant occurredAt,
        UUID workspaceId,
        String externalId,
        String service,
        String staff,
        String location,
        Instant startsAt,
        Instant endsAt,
        String reason,
        BookingContact customer) {

    /**
     * What the inbox remembers: the workspace, the partner and its event id. Two workspaces' partners may
     * share a name and pick the same ids; neither may make the other's event look applied.
     */
    Inbox.Delivery deliveryKey() {
        return new Inbox.Delivery(workspaceId, partner + " " + eventId);
    }

    /** The reservation this event is about. */
    ReservationKey reservationKey() {
        return new ReservationKey(workspaceId, partner, externalId);
    }

    /** The partner's customer this event is about. */
    IdentityKey identityKey() {
        return new IdentityKey(workspaceId, partner, customer.externalId());
    }

    /** Whether this event is newer than the one that last decided a reservation's state. */
    boolean isNewerThan(Instant otherAt, int otherRank) {
        int byTime = occurredAt.compareTo(otherAt);
        return byTime > 0 || byTime == 0 && change.rank() > otherRank;
    }

    record ReservationKey(UUID workspaceId, String partner, String externalId) {
    }

    record IdentityKey(UUID workspaceId, String partner, String externalId) {
    }
}
