package io.clientele.customer.booking;

/** Where a reservation stands now. */
public enum ReservationStatus {
    BOOKED,
    CANCELLED,
    COMPLETED,
    NO_SHOW
}
