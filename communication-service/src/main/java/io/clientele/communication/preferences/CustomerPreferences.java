package io.clientele.communication.preferences;

import io.clientele.communication.CustomerRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's communication preferences (M-1) as they are now.
 *
 * @param version            grows with every change (not with hand-offs); hand-offs are registered
 *                           against it
 * @param marketingSeq       grows with every marketing hand-off; the frequency cap is checked against it
 * @param marketingSends     the latest marketing hand-offs, newest last (at most {@value Handoffs#MARKETING_SENDS_KEPT})
 * @param subscriptionSince  when the subscription state was last set, and {@code subscriptionSource} how
 */
public record CustomerPreferences(CustomerRef customer, SubscriptionState subscription, boolean muted,
        ChannelSwitches channels, String language, boolean orderConfirmations, long version, long marketingSeq,
        List<MarketingSend> marketingSends, List<Handoff> handoffs, boolean erased, Instant subscriptionSince,
        ConsentSource subscriptionSource, Instant mutedSince, Instant updatedAt) {

    public CustomerPreferences {
        marketingSends = marketingSends == null ? List.of() : List.copyOf(marketingSends);
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
    }

    /** What a customer list shows: MUTED when muted, else the subscription state. */
    public String contactState() {
        return muted ? "MUTED" : subscription.name();
    }

    public record MarketingSend(UUID messageId, Instant at) {
    }
}
