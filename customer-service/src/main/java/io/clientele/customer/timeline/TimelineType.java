package io.clientele.customer.timeline;

/** What a timeline entry tells. Front ends choose an icon and a translation by it. */
public enum TimelineType {
    CUSTOMER_CREATED,
    PROFILE_UPDATED,
    STATUS_CHANGED,
    NOTE_ADDED,
    RESERVATION_CREATED,
    RESERVATION_RESCHEDULED,
    RESERVATION_CANCELLED,
    RESERVATION_COMPLETED,
    RESERVATION_NO_SHOW,
    /** A reservation still ahead; only in the planned part, read from the reservation itself. */
    RESERVATION_UPCOMING,
    IMPORTED,
    IMPORT_UNDONE,
    MESSAGE_SENT,
    MESSAGE_SKIPPED,
    MESSAGE_FAILED,
    /** A message deferred (quiet hours, frequency cap); in the planned part until it goes out or not. */
    MESSAGE_PLANNED,
    SUBSCRIPTION_CHANGED,
    MUTE_CHANGED,
    /** Channel switches, language, order confirmations. */
    PREFERENCES_CHANGED,
    /** A quick order placed through the customer's link (order-link-service). */
    ORDER_PLACED,
    /** A quick order confirmed, in production, shipped or cancelled. */
    ORDER_STATUS_CHANGED,
    /** A scenario's step ahead (a reminder, a condition); in the planned part until it runs or is cancelled. */
    SCENARIO_STEP_PLANNED,
    /** A scenario's step ran: a message requested, or a condition decided. */
    SCENARIO_STEP_EXECUTED,
    /** A scenario's step was not run (its time had passed when it was planned or moved), with the reason. */
    SCENARIO_STEP_SKIPPED,
    /** The customer entered a scenario (by a trigger or by staff). */
    SCENARIO_STARTED,
    /** The customer left a scenario: completed, ended by staff, or an exit rule. */
    SCENARIO_ENDED
}
