package io.clientele.communication.contacts;

import io.clientele.communication.CustomerRef;
import java.time.Instant;

/**
 * What communication-service knows of a customer, copied from {@code customer.events}: whom to address
 * and how. An erased customer keeps only the fact (no name, no address), so late events cannot bring
 * the data back.
 */
public record Contact(CustomerRef customer, String firstName, String lastName, String companyName, String email,
        String phone, String preferredLanguage, boolean erased, Instant sourceUpdatedAt) {

    /** First and last name, else the company. */
    public String displayName() {
        String person = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return !person.isEmpty() ? person : companyName == null ? "" : companyName;
    }
}
