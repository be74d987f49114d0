package io.clientele.orderlink.branding;

import java.util.Currency;
import java.util.Locale;

/**
 * What the public order page shows of the business, and what it falls back to for a customer without
 * a language or currency of their own.
 *
 * @param businessName shown as the page's title; null until an owner sets it
 * @param logoUrl      an https address, or null
 */
public record WorkspaceBranding(String businessName, String logoUrl, String defaultLanguage, Currency defaultCurrency) {

    public Locale locale() {
        return Locale.forLanguageTag(defaultLanguage);
    }
}
