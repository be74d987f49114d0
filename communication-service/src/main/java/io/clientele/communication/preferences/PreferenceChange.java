package io.clientele.communication.preferences;

import java.time.Instant;

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

    /** The state this change leaves when applied to {@code before} at {@code now}: one version further. */
    CustomerPreferences applyTo(CustomerPreferences before, Instant now) {
        SubscriptionState subscription = this.subscription == null ? before.subscription() : this.subscription;
        boolean muted = this.muted == null ? before.muted() : this.muted;
        ChannelSwitches channels = new ChannelSwitches(
                email == null ? before.channels().email() : email,
                sms == null ? before.channels().sms() : sms,
                push == null ? before.channels().push() : push);
        String language = languageGiven ? this.language : before.language();
        boolean orderConfirmations = this.orderConfirmations == null ? before.orderConfirmations()
                : this.orderConfirmations;
        boolean subscriptionChanged = subscription != before.subscription();
        return new CustomerPreferences(before.customer(), subscription, muted, channels, language, orderConfirmations,
                before.version() + 1, before.marketingSeq(), before.marketingSends(), before.handoffs(), false,
                subscriptionChanged ? now : before.subscriptionSince(),
                subscriptionChanged ? source : before.subscriptionSource(),
                muted != before.muted() ? (muted ? now : null) : before.mutedSince(), now);
    }
}
