package io.clientele.orderlink.branding;

import java.util.List;
import java.util.Locale;

/** The languages the public order page speaks (its message bundles): Czech, Slovak, English, Bulgarian. */
public final class PageLanguages {

    public static final List<String> SUPPORTED = List.of("cs", "sk", "en", "bg");

    private PageLanguages() {
    }

    /** The supported language of a BCP 47 tag ("cs-CZ" is Czech), or null when the page does not speak it. */
    public static String supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.contains(language) ? language : null;
    }
}
