package io.clientele.communication.sending;

import static io.clientele.communication.sending.PolicyMother.NOW;
import static io.clientele.communication.sending.PolicyMother.aMessage;
import static io.clientele.communication.sending.PolicyMother.cap;
import static io.clientele.communication.sending.PolicyMother.erased;
import static io.clientele.communication.sending.PolicyMother.jana;
import static io.clientele.communication.sending.PolicyMother.prague;
import static io.clientele.communication.sending.PolicyMother.quietHours;
import static io.clientele.communication.sending.PolicyMother.settings;
import static io.clientele.communication.sending.PolicyMother.subscribed;
import static io.clientele.communication.sending.PolicyMother.withoutEmail;
import static io.clientele.communication.sending.PolicyMother.withoutPhone;
import static org.assertj.core.api.Assertions.assertThat;

import io.clientele.communication.contacts.Contact;
import io.clientele.communication.messages.Message;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.settings.WorkspaceSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** M-3: every rule of the policy, its reason code, and the order in which the rules decide. */
class SendPolicyTest {

    private final SendPolicy policy = new SendPolicy(Duration.ofMinutes(10));

    private Verdict decide(Message message, Contact contact, CustomerPreferences preferences) {
        return decide(message, contact, preferences, settings(), NOW);
    }

    private Verdict decide(Message message, Contact contact, CustomerPreferences preferences, WorkspaceSettings settings,
            Instant now) {
        return policy.evaluate(message, contact, preferences, settings, prague(), List.of(), now);
    }

    @Nested
    class WhoGetsWhat {

        @Test
        void aSubscribedCustomerGetsMarketingAndTransactional() {
            assertThat(decide(aMessage().marketing().build(), jana(), subscribed().build()).kind()).isEqualTo(Verdict.Kind.SEND);
            assertThat(decide(aMessage().build(), jana(), subscribed().build()).kind()).isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void aMutedCustomerGetsNothingNotEvenTransactional() {
            Verdict transactional = decide(aMessage().build(), jana(), subscribed().muted().build());
            Verdict marketing = decide(aMessage().marketing().build(), jana(), subscribed().muted().build());

            assertThat(transactional.kind()).isEqualTo(Verdict.Kind.SKIP);
            assertThat(transactional.reasonCode()).isEqualTo("muted");
            assertThat(transactional.reason()).startsWith("The customer is muted since ");
            assertThat(marketing.reasonCode()).isEqualTo("muted");
        }

        @Test
        void anUnsubscribedCustomerGetsNoMarketingButStillTransactional() {
            Verdict marketing = decide(aMessage().marketing().build(), jana(), subscribed().unsubscribed().build());
            Verdict transactional = decide(aMessage().build(), jana(), subscribed().unsubscribed().build());

            assertThat(marketing.kind()).isEqualTo(Verdict.Kind.SKIP);
            assertThat(marketing.reasonCode()).isEqualTo("unsubscribed");
            assertThat(marketing.reason()).startsWith("The customer is unsubscribed from marketing since ").endsWith("(STAFF)");
            assertThat(transactional.kind()).isEqualTo(Verdict.Kind.SEND);
            assertThat(transactional.checks()).contains(new Message.Check("subscription", "PASS", "not needed: transactional"));
        }

        @Test
        void muteOutranksTheSubscription() {
            Verdict verdict = decide(aMessage().marketing().build(), jana(), subscribed().unsubscribed().muted().build());

            assertThat(verdict.reasonCode()).isEqualTo("muted");
        }

        @Test
        void aChannelSwitchedOffIsSkipped() {
            assertThat(decide(aMessage().build(), jana(), subscribed().emailOff().build()).reasonCode())
                    .isEqualTo("channel-disabled");
            assertThat(decide(aMessage().sms().build(), jana(), subscribed().smsOff().build()).reasonCode())
                    .isEqualTo("channel-disabled");
            assertThat(decide(aMessage().sms().build(), jana(), subscribed().emailOff().build()).kind())
                    .isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void noAddressForTheChannelIsSkipped() {
            Verdict noEmail = decide(aMessage().build(), withoutEmail(), subscribed().build());
            Verdict noPhone = decide(aMessage().sms().build(), withoutPhone(), subscribed().build());
            Contact badPhone = new Contact(jana().customer(), "Jana", null, null, "jana@example.cz", "777 123", "cs", false, NOW);

            assertThat(noEmail.reasonCode()).isEqualTo("no-address");
            assertThat(noEmail.reason()).isEqualTo("The customer has no e-mail address");
            assertThat(noPhone.reasonCode()).isEqualTo("no-address");
            assertThat(noPhone.reason()).isEqualTo("The customer has no phone number");
            assertThat(decide(aMessage().sms().build(), badPhone, subscribed().build()).reason())
                    .isEqualTo("The customer's phone number is not usable");
        }

        @Test
        void orderConfirmationsObeyTheirSwitchOtherMessagesDoNot() {
            Verdict confirmation = decide(aMessage().orderConfirmation().build(), jana(),
                    subscribed().orderConfirmationsOff().build());
            Verdict general = decide(aMessage().build(), jana(), subscribed().orderConfirmationsOff().build());

            assertThat(confirmation.reasonCode()).isEqualTo("order-confirmations-off");
            assertThat(general.kind()).isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void anErasedCustomerGetsNothing() {
            assertThat(decide(aMessage().build(), erased(), subscribed().build()).reasonCode()).isEqualTo("customer-erased");
        }

        @Test
        void anUnknownCustomerIsWaitedForThenSkipped() {
            Verdict early = decide(aMessage().createdAt(NOW.minusSeconds(30)).build(), null, null);
            Verdict late = decide(aMessage().createdAt(NOW.minus(Duration.ofMinutes(11))).build(), null, null);

            assertThat(early.kind()).isEqualTo(Verdict.Kind.DEFER);
            assertThat(early.reasonCode()).isEqualTo("awaiting-contact");
            assertThat(early.dueAt()).isAfter(NOW);
            assertThat(early.announcesSchedule()).isFalse();
            assertThat(late.kind()).isEqualTo(Verdict.Kind.SKIP);
            assertThat(late.reasonCode()).isEqualTo("unknown-customer");
        }

        @Test
        void everyRuleIsListedWithWhatItFoundUpToTheOneThatDecided() {
            Verdict sent = decide(aMessage().marketing().build(), jana(), subscribed().build());
            Verdict skipped = decide(aMessage().build(), jana(), subscribed().emailOff().build());

            assertThat(sent.checks()).extracting(Message.Check::rule).containsExactly("customer", "mute", "subscription",
                    "channel", "address", "quiet-hours", "frequency-cap");
            assertThat(sent.checks()).allSatisfy(check -> assertThat(check.result()).isEqualTo("PASS"));
            assertThat(skipped.checks()).extracting(Message.Check::rule, Message.Check::result).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("customer", "PASS"), org.assertj.core.groups.Tuple.tuple("mute", "PASS"),
                    org.assertj.core.groups.Tuple.tuple("subscription", "PASS"),
                    org.assertj.core.groups.Tuple.tuple("channel", "BLOCK"));
        }
    }

    @Nested
    class QuietHours {

        // 2026-11-27 is in CET (UTC+1): 21:30 in Prague is 20:30Z.
        final Instant evening = Instant.parse("2026-11-27T20:30:00Z");

        @Test
        void marketingInQuietHoursIsDeferredToTheirEndInTheRecipientsZone() {
            Verdict verdict = decide(aMessage().marketing().build(), jana(), subscribed().build(),
                    quietHours("21:00", "08:00"), evening);

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.DEFER);
            assertThat(verdict.reasonCode()).isEqualTo("quiet-hours");
            assertThat(verdict.dueAt()).isEqualTo(Instant.parse("2026-11-28T07:00:00Z"));
            assertThat(verdict.announcesSchedule()).isTrue();
            assertThat(verdict.reason()).contains("21:00-08:00").contains("2026-11-28 08:00");
        }

        @Test
        void transactionalIgnoresQuietHours() {
            assertThat(decide(aMessage().build(), jana(), subscribed().build(), quietHours("21:00", "08:00"), evening).kind())
                    .isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void outsideQuietHoursMarketingGoes() {
            Instant noon = Instant.parse("2026-11-27T11:00:00Z");
            assertThat(decide(aMessage().marketing().build(), jana(), subscribed().build(), quietHours("21:00", "08:00"), noon)
                    .kind()).isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void aWindowWithinOneDayDefersToItsEndTheSameDay() {
            Instant lunch = Instant.parse("2026-11-27T11:30:00Z"); // 12:30 in Prague
            Verdict verdict = decide(aMessage().marketing().build(), jana(), subscribed().build(),
                    quietHours("12:00", "13:00"), lunch);

            assertThat(verdict.dueAt()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        }

        @Test
        void theRecipientsZoneComesFromThePhoneWhenItHasOne() {
            RecipientTimeZones zones = new RecipientTimeZones();
            WorkspaceSettings prague = settings();

            assertThat(zones.of("+359888123456", prague).zone()).isEqualTo(ZoneId.of("Europe/Sofia"));
            assertThat(zones.of("+420777123456", prague).zone()).isEqualTo(ZoneId.of("Europe/Prague"));
            assertThat(zones.of("+12125550123", prague).zone()).as("212 is New York").isEqualTo(ZoneId.of("America/New_York"));
            assertThat(zones.of("+18002752273", prague).zone()).as("toll-free: every US zone").isEqualTo(ZoneId.of("Europe/Prague"));
            assertThat(zones.of(null, prague).source()).isEqualTo("the workspace setting");
            WorkspaceSettings noPhoneZones = new WorkspaceSettings(ZoneId.of("Europe/Prague"), false, null, null,
                    prague.sender(), "cs", "1");
            assertThat(zones.of("+359888123456", noPhoneZones).zone()).isEqualTo(ZoneId.of("Europe/Prague"));
        }

        @Test
        void aSofiaRecipientIsInQuietHoursAnHourBeforePrague() {
            Instant at = Instant.parse("2026-11-27T19:30:00Z"); // 20:30 Prague, 21:30 Sofia
            RecipientTimeZones.Zone sofia = new RecipientTimeZones.Zone(ZoneId.of("Europe/Sofia"), "the phone number's country");

            Verdict inSofia = policy.evaluate(aMessage().marketing().build(), jana(), subscribed().build(),
                    quietHours("21:00", "08:00"), sofia, List.of(), at);
            Verdict inPrague = policy.evaluate(aMessage().marketing().build(), jana(), subscribed().build(),
                    quietHours("21:00", "08:00"), prague(), List.of(), at);

            assertThat(inSofia.reasonCode()).isEqualTo("quiet-hours");
            assertThat(inSofia.dueAt()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
            assertThat(inPrague.kind()).isEqualTo(Verdict.Kind.SEND);
        }
    }

    @Nested
    class FrequencyCap {

        @Test
        void underTheCapMarketingGoes() {
            Verdict verdict = policy.evaluate(aMessage().marketing().build(), jana(), subscribed().build(),
                    cap(2, Duration.ofDays(7)), prague(), sends(NOW.minus(Duration.ofDays(1))), NOW);

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.SEND);
            assertThat(verdict.checks()).contains(new Message.Check("frequency-cap", "PASS", "1 of 2 in the last PT168H"));
        }

        @Test
        void atTheCapItWaitsUntilTheOldestCountedMessageLeavesTheWindow() {
            Instant oldest = NOW.minus(Duration.ofDays(5));
            Verdict verdict = policy.evaluate(aMessage().marketing().build(), jana(), subscribed().build(),
                    cap(2, Duration.ofDays(7)), prague(), sends(oldest, NOW.minus(Duration.ofDays(1))), NOW);

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.DEFER);
            assertThat(verdict.reasonCode()).isEqualTo("frequency-cap");
            assertThat(verdict.dueAt()).isEqualTo(oldest.plus(Duration.ofDays(7)).plusMillis(1));
            assertThat(verdict.announcesSchedule()).isTrue();
        }

        @Test
        void messagesOutsideTheWindowDoNotCount() {
            Verdict verdict = policy.evaluate(aMessage().marketing().build(), jana(), subscribed().build(),
                    cap(1, Duration.ofDays(7)), prague(), sends(NOW.minus(Duration.ofDays(8))), NOW);

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void theCapDoesNotApplyToTransactional() {
            Verdict verdict = policy.evaluate(aMessage().build(), jana(), subscribed().build(), cap(1, Duration.ofDays(7)),
                    prague(), sends(NOW.minusSeconds(60)), NOW);

            assertThat(verdict.kind()).isEqualTo(Verdict.Kind.SEND);
        }

        @Test
        void aCapReleaseInQuietHoursWaitsForTheirEndToo() {
            // The counted message leaves the window at 22:00 Prague time; quiet hours until 08:00.
            Instant counted = Instant.parse("2026-11-26T21:00:00Z");
            WorkspaceSettings both = PolicyMother.with(cap(1, Duration.ofDays(1)),
                    new WorkspaceSettings.QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));

            Verdict verdict = policy.evaluate(aMessage().marketing().build(), jana(), subscribed().build(), both, prague(),
                    sends(counted), NOW);

            assertThat(verdict.reasonCode()).isEqualTo("frequency-cap");
            assertThat(verdict.dueAt()).isEqualTo(Instant.parse("2026-11-28T07:00:00Z"));
        }

        private List<CustomerPreferences.MarketingSend> sends(Instant... at) {
            List<CustomerPreferences.MarketingSend> sends = new ArrayList<>();
            for (Instant instant : at) {
                sends.add(new CustomerPreferences.MarketingSend(UUID.randomUUID(), instant));
            }
            return sends;
        }
    }

    @Test
    void aRequestedLaterTimeIsKept() {
        Instant later = NOW.plus(Duration.ofHours(3));
        Verdict verdict = decide(aMessage().notBefore(later).build(), jana(), subscribed().build());

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.DEFER);
        assertThat(verdict.reasonCode()).isEqualTo("not-before");
        assertThat(verdict.dueAt()).isEqualTo(later);
    }
}
