package io.clientele.scenario.definitions;

import java.util.Locale;

/**
 * the ICU collation scenario names sort in, by the language the user asked in (Accept-Language), as
 * customer-service sorts customer names (its SortCollation). Czech and Slovak tailor the root order (Czech:
 * C &lt; Č, H &lt; Ch &lt; I, R &lt; Ř; Slovak besides A &lt; Ä, O &lt; Ô); English, Bulgarian and the rest sort
 * correctly in the root order. A workspace has a few dozen scenarios at most: sorted per request, no index.
 */
public enum NameCollation {
    ROOT("und-x-icu"),
    CZECH("cs-x-icu"),
    SLOVAK("sk-x-icu");

    private final String name;

    NameCollation(String name) {
        this.name = name;
    }

    /** The COLLATE clause: a constant of this enum, never user input, so safe to put in SQL. */
    public String sql() {
        return "COLLATE \"" + name + "\"";
    }

    public static NameCollation of(Locale locale) {
        return switch (locale == null ? "" : locale.getLanguage()) {
            case "cs" -> CZECH;
            case "sk" -> SLOVAK;
            default -> ROOT;
        };
    }
}
