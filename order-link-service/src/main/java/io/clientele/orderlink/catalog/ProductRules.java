package io.clientele.orderlink.catalog;

import io.clientele.orderlink.money.Money;
import io.clientele.platform.problem.FieldViolation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** O-1: what a product may hold, the same for the API and for an import row. */
final class ProductRules {

    static final int MAX_SKU = 64;
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_URL = 2000;
    static final int MAX_UNIT = 20;

    private ProductRules() {
    }

    /** Adds every violation of the draft to {@code violations}; {@code complete} requires sku and name. */
    static void check(ProductDraft draft, boolean complete, List<FieldViolation> violations) {
        text(draft.sku(), "sku", MAX_SKU, complete, violations);
        if (draft.sku() != null && !draft.sku().isBlank() && !draft.sku().strip().matches("[\\p{L}\\p{N}._\\-/#+]+")) {
            violations.add(new FieldViolation("sku", "pattern",
                    "'" + draft.sku() + "' may hold only letters, digits and . _ - / # + (no spaces)"));
        }
        text(draft.name(), "name", MAX_NAME, complete, violations);
        text(draft.description(), "description", MAX_DESCRIPTION, false, violations);
        text(draft.unit(), "unit", MAX_UNIT, false, violations);
        if (draft.imageUrl() != null && !draft.imageUrl().isBlank()) {
            String problem = urlProblem(draft.imageUrl().strip());
            if (problem != null) {
                violations.add(new FieldViolation("imageUrl", "url", problem));
            }
        }
        if (draft.prices() != null) {
            for (Map.Entry<String, BigDecimal> price : draft.prices().entrySet()) {
                String field = "prices." + price.getKey();
                Optional<Currency> currency = Money.currency(price.getKey());
                if (currency.isEmpty()) {
                    violations.add(new FieldViolation(field, "currency",
                            "'" + price.getKey() + "' is not an ISO 4217 currency code such as CZK or EUR"));
                } else if (price.getValue() == null) {
                    violations.add(new FieldViolation(field, "required", "must be an amount"));
                } else {
                    String problem = Money.problemWith(price.getValue(), currency.get());
                    if (problem != null) {
                        violations.add(new FieldViolation(field, "amount", price.getValue().toPlainString() + " " + problem));
                    }
                }
            }
        }
    }

    private static void text(String value, String field, int max, boolean required, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "required", "is required"));
            }
            return;
        }
        if (value.strip().length() > max) {
            violations.add(new FieldViolation(field, "length", "must be at most " + max + " characters"));
        }
        if (value.indexOf('\0') >= 0) {
            violations.add(new FieldViolation(field, "characters", "must not contain a NUL character"));
        }
    }

    /**
     * Images are shown to customers on a page that must not load anything over plain HTTP (its CSP allows
     * https images only): absolute https addresses.
     */
    static String urlProblem(String url) {
        if (url.length() > MAX_URL) {
            return "must be at most " + MAX_URL + " characters";
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                return "'" + url + "' must be an absolute https address";
            }
            return null;
        } catch (URISyntaxException bad) {
            return "'" + url + "' is not a valid address: " + bad.getReason();
        }
    }

    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
