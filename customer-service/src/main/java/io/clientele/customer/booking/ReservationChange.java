package io.clientele.customer.booking;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five things a partner says about a reservation. The rank breaks ties between events stamped with
 * the same time: a reservation is made before it is moved, and moved before it ends.
 */
public enum ReservationChange {
    CREATED("booking.reservation-created.v1", ReservationStatus.BOOKED, 0),
    RESCHEDULED("booking.reservation-rescheduled.v1", ReservationStatus.BOOKED, 1),
    CANCELLED("booking.reservation-cancelled.v1", ReservationStatus.CANCELLED, 2),
    NO_SHOW("booking.reservation-no-show.v1", ReservationStatus.NO_SHOW, 3),
    COMPLETED("booking.reservation-completed.v1", ReservationStatus.COMPLETED, 4);

    private final String eventType;
    private final ReservationStatus status;
    private final int rank;

    ReservationChange(String eventType, ReservationStatus status, int rank) {
        this.eventType = eventType;
        this.status = status;
        this.rank = rank;
    }

    public String eventType() {
        return eventType;
    }

    public ReservationStatus status() {
        return status;
    }

    int rank() {
        return rank;
    }

    static Optional<ReservationChange> ofEventType(String type) {
        return Arrays.stream(values()).filter(change -> change.eventType.equals(type)).findFirst();
    }
}
