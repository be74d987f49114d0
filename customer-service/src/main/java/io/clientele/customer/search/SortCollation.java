package io.clientele.customer.search;

import java.util.Locale;

/**
 * The ICU collation a workspace's names sort in, by its language. Each has its own keyset index
 * (migration V8). Czech and Slovak tailor the root order (Czech: C < Č, H < Ch < I, R < Ř; Slovak besides
 * A < Ä, O < Ô); English, Bulgarian and every other language sort correctly in the root order.
 */
enum SortCollation {
    ROOT("und-x-icu"),
    CZECH("cs-x-icu"),
    SLOVAK("sk-x-icu");

    private final String name;

    SortCollation(String name) {
        this.name = name;
    }

    /** The collation's name in PostgreSQL, as a cursor records it. */
    String collationName() {
        return name;
    }

    /** The COLLATE clause: a constant of this enum, never user input, so safe to put in SQL. */
    String sql() {
        return "COLLATE \"" + name + "\"";
    }

    /** @param languageTag a BCP 47 tag as the workspace settings hold it ("cs", "en-GB") */
    static SortCollation forLanguage(String languageTag) {
        return switch (Locale.forLanguageTag(languageTag).getLanguage()) {
            case "cs" -> CZECH;
            case "sk" -> SLOVAK;
            default -> ROOT;
        };
    }
}
