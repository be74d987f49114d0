package io.clientele.customer.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a workspace gets until its owner sets otherwise.
 *
 * @param defaultCountry   region used to read phone numbers typed without a country prefix
 * @param regularThreshold completed reservations that make a NEW customer REGULAR
 * @param language         BCP 47 tag of the language the customer list sorts names in
 */
@ConfigurationProperties("clientele.customers")
record CustomerDefaults(String defaultCountry, Integer regularThreshold, String language) {

    CustomerDefaults {
        defaultCountry = defaultCountry == null ? "CZ" : defaultCountry;
        regularThreshold = regularThreshold == null ? 2 : regularThreshold;
        String configured = language;
        language = language == null ? "cs" : Languages.canonical(language).orElseThrow(() ->
                new IllegalArgumentException("clientele.customers.language '" + configured + "' is not a language tag"));
    }
}
