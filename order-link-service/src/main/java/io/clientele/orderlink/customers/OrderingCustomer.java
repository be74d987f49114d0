package io.clientele.orderlink.customers;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A customer as this service knows them from {@code customer.events}: who they are, the language and
 * currency their page speaks, their discount, and whether they may order at all.
 *
 * @param language BCP 47 tag from customer-service, or null
 * @param currency ISO 4217 code, or null
 */
public record OrderingCustomer(UUID workspaceId, UUID id, String displayName, String language, String currency,
        BigDecimal discountPercent, String status, boolean erased) {

    /** Blocked customers order nothing (C-2); erased ones no longer exist for this service. */
    public boolean mayOrder() {
        return !erased && !"BLOCKED".equals(status);
    }
}
