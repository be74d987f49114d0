package io.clientele.customer.customers;

/**
 * One row of an import, read and checked: what its cells state. A value the row leaves out is null
 * and changes nothing on an existing customer.
 *
 * @param rowNumber        where the row is in its file, as the rejection report names it
 * @param given            the row's values, already normalised (E.164 phone, canonical language tag)
 * @param status           the lifecycle status it states, or null
 * @param marketingConsent the marketing consent it states, or null
 */
public record ImportedRow(long rowNumber, CustomerProfile given, LifecycleStatus status, Boolean marketingConsent) {

    boolean namesSomeone() {
        return given.firstName() != null || given.lastName() != null || given.companyName() != null;
    }
}
