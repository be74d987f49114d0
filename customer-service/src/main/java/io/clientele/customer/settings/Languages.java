package io.clientele.customer.settings;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which languages a workspace can choose: a well-formed BCP 47 tag whose language ISO 639 knows. */
final class Languages {

    private static final Set<String> ISO_639 = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    /** The canonical form of a tag ("en-gb" becomes "en-GB"), or empty when it names no known language. */
    static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            return ISO_639.contains(locale.getLanguage()) ? Optional.of(locale.toLanguageTag()) : Optional.empty();
        } catch (IllformedLocaleException illFormed) {
            return Optional.empty();
        }
    }
}
