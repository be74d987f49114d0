package io.clientele.customer.imports;

import java.util.Objects;

/**
 * Where a column's values go: a field of the customer record, or a custom field of the client card.
 *
 * @param field     the record's field, or null for a custom field
 * @param customKey the custom field's key, or null
 */
record Target(ImportField field, String customKey) {

    Target {
        if ((field == null) == (customKey == null)) {
            throw new IllegalArgumentException("a target is a field or a custom field");
        }
    }

    static Target of(ImportField field) {
        return new Target(Objects.requireNonNull(field), null);
    }

    static Target custom(String key) {
        return new Target(null, Objects.requireNonNull(key));
    }

    boolean isCustom() {
        return customKey != null;
    }

    /** As explicit mappings and the import's column list name it: {@code email}, {@code customFields.skinType}. */
    String apiName() {
        return isCustom() ? ImportField.CUSTOM_PREFIX + customKey : field.apiName();
    }

    @Override
    public String toString() {
        return apiName();
    }
}
