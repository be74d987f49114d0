package io.clientele.orderlink.orderpage;

import io.clientele.orderlink.branding.WorkspaceBranding;
import io.clientele.orderlink.customers.OrderingCustomer;
import io.clientele.orderlink.links.OpenedLink;
import java.util.Currency;
import java.util.Locale;

/** Whose page is open, and in which language and currency it speaks. */
record PageContext(OpenedLink link, OrderingCustomer customer, WorkspaceBranding branding, Currency currency,
        String language) {

    Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
