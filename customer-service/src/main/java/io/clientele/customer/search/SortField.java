package io.clientele.customer.search;

import java.util.Arrays;
import java.util.List;

/**
 * The columns the customer list sorts by. Each is a list of SQL sort keys matching one index exactly
 * (the id is always added last as tie-breaker): nullable columns sort on "is it null", then the value,
 * so NULLs come last when ascending and first when descending, as PostgreSQL orders them by default.
 * <p>
 * Names sort in the workspace's language ({@code {collation}} stands for its COLLATE clause). E-mail
 * addresses sort bytewise on their lower-cased form: they are identifiers in (nearly always) ASCII,
 * where bytewise order is the alphabet's, and ICU would order them by letters alone, skipping the dots
 * and hyphens that tell two addresses apart.
 */
enum SortField {
    NAME("name", key("clientele_sort_name(c.last_name, c.first_name, c.company_name) {collation}",
            "CAST(%s AS text) {collation}")),
    EMAIL("email", key("(c.email_key IS NULL)", "CAST(%s AS boolean)"), key("coalesce(c.email_key, '')", "CAST(%s AS text) COLLATE \"C\"")),
    PHONE("phone", key("(c.phone IS NULL)", "CAST(%s AS boolean)"), key("coalesce(c.phone, '')", "CAST(%s AS text)")),
    SUBSCRIPTION("subscription", key("c.contact_state", "CAST(%s AS text)")),
    STATUS("status", key("c.status", "CAST(%s AS text)")),
    LAST_NOTE("lastNote", key("(c.last_note_at IS NULL)", "CAST(%s AS boolean)"),
            key("coalesce(c.last_note_at, '-infinity')", "CAST(%s AS timestamptz)")),
    DISCOUNT("discount", key("c.discount_percent", "CAST(%s AS numeric)")),
    CREATED("createdAt", key("c.created_at", "CAST(%s AS timestamptz)")),
    UPDATED("updatedAt", key("c.updated_at", "CAST(%s AS timestamptz)"));

    private static final String COLLATION = "{collation}";

    private final String apiName;
    private final List<Key> keys;

    SortField(String apiName, Key... keys) {
        this.apiName = apiName;
        this.keys = List.of(keys);
    }

    String apiName() {
        return apiName;
    }

    /** Whether the order depends on the workspace's language (a cursor then records the collation). */
    boolean collated() {
        return keys.stream().anyMatch(key -> key.expression().contains(COLLATION));
    }

    /** The sort keys, in the given collation where the order depends on the language. */
    List<Key> keys(SortCollation collation) {
        return keys.stream().map(key -> new Key(key.expression().replace(COLLATION, collation.sql()),
                key.fromText().replace(COLLATION, collation.sql()))).toList();
    }

    static SortField byApiName(String name) {
        for (SortField field : values()) {
            if (field.apiName.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    static List<String> apiNames() {
        return Arrays.stream(values()).map(SortField::apiName).toList();
    }

    /**
     * One sort expression, and how a cursor's text value is turned back into its type and collation
     * ({@code %s} stands for the parameter).
     */
    record Key(String expression, String fromText) {
    }

    private static Key key(String expression, String fromText) {
        return new Key(expression, fromText);
    }
}
