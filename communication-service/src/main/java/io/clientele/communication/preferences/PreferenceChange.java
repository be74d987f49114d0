package io.clientele.communication.preferences;

/**
 * What to change (null: leave as is) and the facts the consent record keeps about it.
 *
 * @param languageGiven whether {@code language} is to be set (to a tag, or cleared with null)
 * @param sourceRef     the event or link the change comes from; a second change with the same ref is ignored
 */
public record PreferenceChange(SubscriptionState subscription, Boolean muted, Boolean email, Boolean sms, Boolean push,
        boolean languageGiven, String language, Boolean orderConfirmations, ConsentSource source, String actor,
        String wordingVersion, String sourceRef, String note) {

    public static PreferenceChange subscription(SubscriptionState state, ConsentSource source, String actor,
            String wordingVersion, String sourceRef, String note) {
        return new PreferenceChange(state, null, null, null, null, false, null, null, source, actor, wordingVersion,
                sourceRef, note);
    }

    public static PreferenceChange mute(boolean muted, ConsentSource source, String actor, String note) {
        return new PreferenceChange(null, muted, null, null, null, false, null, null, source, actor, null, null, note);
    }
}
