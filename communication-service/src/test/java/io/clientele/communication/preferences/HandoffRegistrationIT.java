package io.clientele.communication.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.communication.Channel;
import io.clientele.communication.CommunicationIT;
import io.clientele.communication.CustomerRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conditional writes that order sending against preference changes, on the MongoDB the tests run
 * on: a hand-off registers only against the version the policy read, marketing ones only against the
 * marketing sequence too, and the registration is the record recovery reads after a crash.
 */
@CommunicationIT
class HandoffRegistrationIT {

    @Autowired
    Preferences preferences;
    @Autowired
    Handoffs handoffs;

    CustomerRef subscribed() {
        CustomerRef customer = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
        preferences.initialize(customer, true, ConsentSource.STAFF, "test", "1", UUID.randomUUID().toString());
        return customer;
    }

    static Handoff handoff(UUID message, boolean marketing) {
        return new Handoff(message, Channel.EMAIL, marketing, false, Instant.now().plusSeconds(60));
    }

    @Test
    void aHandOffRegistersAgainstTheVersionReadAndNotAfterAChange() {
        CustomerRef jana = subscribed();
        CustomerPreferences read = preferences.find(jana).orElseThrow();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        // Held for a second only: the mute below waits for hand-offs in progress, and nobody releases this one.
        Set<String> registered = handoffs.register(List.of(new Handoffs.HandoffRequest(jana, read.version(),
                read.marketingSeq(), List.of(new Handoff(first, Channel.EMAIL, false, false, Instant.now().plusSeconds(1))),
                List.of(), 0)));
        preferences.change(jana, PreferenceChange.mute(true, ConsentSource.STAFF, "test", null), false);
        Set<String> afterMute = handoffs.register(List.of(new Handoffs.HandoffRequest(jana, read.version(),
                read.marketingSeq(), List.of(handoff(second, false)), List.of(), 0)));

        assertThat(registered).containsExactly(jana.key());
        assertThat(afterMute).isEmpty();
        assertThat(handoffs.held(List.of(jana)).get(jana.key())).containsExactly(first);
    }

    @Test
    void marketingHandOffsAlsoCheckTheMarketingSequenceSoTheCapHoldsWithSeveralSenders() {
        CustomerRef jana = subscribed();
        CustomerPreferences read = preferences.find(jana).orElseThrow();
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();

        Set<String> a = handoffs.register(List.of(new Handoffs.HandoffRequest(jana, read.version(), read.marketingSeq(),
                List.of(handoff(one, true)), List.of(new CustomerPreferences.MarketingSend(one, Instant.now())), 3)));
        Set<String> b = handoffs.register(List.of(new Handoffs.HandoffRequest(jana, read.version(), read.marketingSeq(),
                List.of(handoff(two, true)), List.of(new CustomerPreferences.MarketingSend(two, Instant.now())), 3)));

        assertThat(a).containsExactly(jana.key());
        assertThat(b).as("the second sender read the same sequence: its cap check is stale").isEmpty();
        CustomerPreferences now = preferences.find(jana).orElseThrow();
        assertThat(now.marketingSeq()).isEqualTo(read.marketingSeq() + 1);
        assertThat(now.marketingSends()).extracting(CustomerPreferences.MarketingSend::messageId).containsExactly(one);
    }

    @Test
    void releasingEndsTheHandOffAndAMarketingMessageThatDidNotGoStopsCounting() {
        CustomerRef jana = subscribed();
        CustomerPreferences read = preferences.find(jana).orElseThrow();
        UUID sent = UUID.randomUUID();
        UUID notSent = UUID.randomUUID();
        handoffs.register(List.of(new Handoffs.HandoffRequest(jana, read.version(), read.marketingSeq(),
                List.of(handoff(sent, true), handoff(notSent, true)),
                List.of(new CustomerPreferences.MarketingSend(sent, Instant.now()),
                        new CustomerPreferences.MarketingSend(notSent, Instant.now())), 3)));

        handoffs.release(List.of(new Handoffs.HandoffRelease(jana, List.of(sent, notSent), List.of(notSent))));

        CustomerPreferences now = preferences.find(jana).orElseThrow();
        assertThat(now.handoffs()).isEmpty();
        assertThat(now.marketingSends()).extracting(CustomerPreferences.MarketingSend::messageId).containsExactly(sent);
    }

    @Test
    void aChangeWithTheSameSourceEventIsAppliedOnce() {
        CustomerRef jana = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
        preferences.initialize(jana, false, ConsentSource.IMPORT, "test", null, "created-1");
        PreferenceChange booking = PreferenceChange.subscription(SubscriptionState.SUBSCRIBED, ConsentSource.BOOKING, "booking",
                "1", "event-7", null);

        boolean first = preferences.change(jana, booking, false).orElseThrow().changed();
        preferences.change(jana, PreferenceChange.subscription(SubscriptionState.UNSUBSCRIBED, ConsentSource.STAFF, "staff",
                null, null, null), false);
        boolean again = preferences.change(jana, booking, false).orElseThrow().changed();

        assertThat(first).isTrue();
        assertThat(again).as("the redelivered booking does not subscribe again").isFalse();
        assertThat(preferences.find(jana).orElseThrow().subscription()).isEqualTo(SubscriptionState.UNSUBSCRIBED);
        assertThat(preferences.initialize(jana, true, ConsentSource.STAFF, "test", null, "created-1")).isEmpty();
    }
}
