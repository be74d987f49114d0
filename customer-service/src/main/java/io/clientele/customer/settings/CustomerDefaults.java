package io.clientele.customer.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a workspace gets until its owner sets otherwise.
 *
 * @param defaultCountry   region used to read phone numbers typed without a country prefix
 * @param regularThreshold completed reservations that make a NEW customer REGULAR
 */
@ConfigurationProperties("clientele.customers")
record CustomerDefaults(String defaultCountry, Integer regularThreshold) {

    CustomerDefaults {
        defaultCountry = defaultCountry == null ? "CZ" : defaultCountry;
        regularThreshold = regularThreshold == null ? 2 : regularThreshold;
    }
}
