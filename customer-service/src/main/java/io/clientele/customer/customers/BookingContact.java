package io.clientele.customer.customers;

/**
 * The customer as a partner booking system describes it in a reservation event: whatever it has,
 * as it was typed, possibly incomplete or wrong.
 */
public record BookingContact(String externalId, String firstName, String lastName, String email, String phone,
        String language, Boolean marketingConsent) {
}
