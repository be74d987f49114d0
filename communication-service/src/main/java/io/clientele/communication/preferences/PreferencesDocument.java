package io.clientele.communication.preferences;

import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.platform.outbox.mongo.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One customer's preferences, its consent record, the hand-offs in progress and the events waiting to
 * be published: all in one document, so that each change, its record entry and its event are one
 * atomic write. {@code _id} is {@link CustomerRef#key()}.
 */
@Document(PreferencesDocument.COLLECTION)
record PreferencesDocument(@Id String id, String workspaceId, String customerId, String subscription, boolean muted,
        Channels channels, String language, boolean orderConfirmations, long version, long marketingSeq,
        List<MarketingSendDoc> marketingSends, List<HandoffDoc> handoffs, List<EntryDoc> consents, boolean erased,
        Instant subscriptionSince, String subscriptionSource, Instant mutedSince, Instant createdAt, Instant updatedAt,
        List<StoredEvent> outbox, Instant outboxDue) {

    static final String COLLECTION = "preferences";

    record Channels(boolean email, boolean sms, boolean push) {
    }

    record HandoffDoc(String messageId, String channel, boolean marketing, boolean orderConfirmation, Instant until) {
    }

    record MarketingSendDoc(String messageId, Instant at) {
    }

    record EntryDoc(String id, Instant at, List<String> changedFields, String source, String actor,
            String wordingVersion, String sourceRef, String note, String subscription, boolean muted, Channels channels,
            String language, boolean orderConfirmations) {

        ConsentEntry toEntry() {
            return new ConsentEntry(id, at, changedFields, ConsentSource.valueOf(source), actor, wordingVersion, sourceRef,
                    note, SubscriptionState.valueOf(subscription), muted,
                    new ChannelSwitches(channels.email(), channels.sms(), channels.push()), language, orderConfirmations);
        }
    }

    CustomerPreferences toPreferences() {
        return new CustomerPreferences(CustomerRef.of(workspaceId, customerId), SubscriptionState.valueOf(subscription),
                muted, channels == null ? ChannelSwitches.ALL_ON
                        : new ChannelSwitches(channels.email(), channels.sms(), channels.push()),
                language, orderConfirmations, version, marketingSeq,
                marketingSends == null ? List.of() : marketingSends.stream()
                        .map(send -> new CustomerPreferences.MarketingSend(UUID.fromString(send.messageId()), send.at()))
                        .toList(),
                handoffs == null ? List.of() : handoffs.stream()
                        .map(h -> new Handoff(UUID.fromString(h.messageId()), Channel.valueOf(h.channel()), h.marketing(),
                                h.orderConfirmation(), h.until()))
                        .toList(),
                erased, subscriptionSince, subscriptionSource == null ? null : ConsentSource.valueOf(subscriptionSource),
                mutedSince, updatedAt);
    }
}
