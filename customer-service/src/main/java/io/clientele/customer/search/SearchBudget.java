package io.clientele.customer.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much work a text search may spend on one way of answering before it tries the other (see
 * {@link CustomerSearch}).
 *
 * @param matches matches read through the trigram index and sorted; a fragment with more is common
 *                enough for walking the sort order to find a page sooner
 * @param walk    rows walked in sort order looking for a common fragment's page; when they hold no full
 *                page, the matches are clustered somewhere down the order, and read and sorted after all
 */
@ConfigurationProperties("clientele.customers.search-budget")
record SearchBudget(Integer matches, Integer walk) {

    SearchBudget {
        matches = matches == null ? 20_000 : matches;
        walk = walk == null ? 10_000 : walk;
        if (matches < 1 || walk < 1) {
            throw new IllegalArgumentException("clientele.customers.search-budget values must be positive");
        }
    }
}
