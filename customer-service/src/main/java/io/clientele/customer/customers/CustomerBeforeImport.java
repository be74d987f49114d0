package io.clientele.customer.customers;

/**
 * A customer as it was before an import changed it: what its undo restores. {@link ImportChunkWriter}
 * writes it as JSON into customer_import_change.previous and {@link ImportUndo} reads it back, so the
 * two share this one shape.
 *
 * @param subscriptionStateSet the subscription state the import left, to tell whether something
 *                             changed it since
 */
record CustomerBeforeImport(CustomerProfile profile, LifecycleStatus status, SubscriptionState subscriptionState,
        SubscriptionState subscriptionStateSet) {

    /**
     * How changed fields (the undo log's, and {@code CustomerRevised}'s) name the marketing consent,
     * which {@link Customer#revise} does not report.
     */
    static final String CONSENT = "marketingConsent";
}
