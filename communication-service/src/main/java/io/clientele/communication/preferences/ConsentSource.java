package io.clientele.communication.preferences;

/** Where a preference or consent change came from, as the consent record keeps it. */
public enum ConsentSource {
    /** A staff member, in the staff front end. */
    STAFF,
    /** Given while booking (a partner booking system's reservation). */
    BOOKING,
    /** A customer import. */
    IMPORT,
    /** The customer, through the personal unsubscribe link of a message. */
    UNSUBSCRIBE_LINK,
    /** An API client acting for the workspace. */
    API
}
