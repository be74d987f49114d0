package io.clientele.communication.sending;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.CustomerRef;
import io.clientele.communication.Purpose;
import io.clientele.communication.contacts.Contact;
import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageState;
import io.clientele.communication.preferences.ChannelSwitches;
import io.clientele.communication.preferences.ConsentSource;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.preferences.SubscriptionState;
import io.clientele.communication.settings.WorkspaceSettings;
import io.clientele.communication.templates.TemplateVariables;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Readable inputs of the policy: {@code aMessage().marketing()}, {@code subscribed().muted()}. */
final class PolicyMother {

    static final CustomerRef JANA = new CustomerRef(UUID.randomUUID(), UUID.randomUUID());
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private PolicyMother() {
    }

    record MessageBuilder(Channel channel, Category category, Purpose purpose, Instant createdAt, Instant notBefore) {
        MessageBuilder marketing() {
            return new MessageBuilder(channel, Category.MARKETING, purpose, createdAt, notBefore);
        }

        MessageBuilder sms() {
            return new MessageBuilder(Channel.SMS, category, purpose, createdAt, notBefore);
        }

        MessageBuilder orderConfirmation() {
            return new MessageBuilder(channel, category, Purpose.ORDER_CONFIRMATION, createdAt, notBefore);
        }

        MessageBuilder createdAt(Instant at) {
            return new MessageBuilder(channel, category, purpose, at, notBefore);
        }

        MessageBuilder notBefore(Instant at) {
            return new MessageBuilder(channel, category, purpose, createdAt, at);
        }

        Message build() {
            return new Message(UUID.randomUUID(), JANA, "req-" + UUID.randomUUID(), "hash", "COMMAND", null, channel,
                    category, purpose, "reminder", null, TemplateVariables.NONE, null, null, null, "Reminder",
                    MessageState.SENDING, null, null, notBefore, createdAt, null, 0, null, null, null, List.of(), false,
                    createdAt, createdAt, null);
        }
    }

    static MessageBuilder aMessage() {
        return new MessageBuilder(Channel.EMAIL, Category.TRANSACTIONAL, Purpose.GENERAL, NOW.minusSeconds(1), null);
    }

    static Contact jana() {
        return new Contact(JANA, "Jana", "Nováková", null, "jana@example.cz", "+420777123456", "cs", false, NOW);
    }

    static Contact withoutEmail() {
        return new Contact(JANA, "Jana", "Nováková", null, null, "+420777123456", "cs", false, NOW);
    }

    static Contact withoutPhone() {
        return new Contact(JANA, "Jana", "Nováková", null, "jana@example.cz", null, "cs", false, NOW);
    }

    static Contact erased() {
        return new Contact(JANA, null, null, null, null, null, null, true, NOW);
    }

    record PreferencesBuilder(SubscriptionState subscription, boolean isMuted, ChannelSwitches channels,
            boolean orderConfirmations) {
        PreferencesBuilder muted() {
            return new PreferencesBuilder(subscription, true, channels, orderConfirmations);
        }

        PreferencesBuilder unsubscribed() {
            return new PreferencesBuilder(SubscriptionState.UNSUBSCRIBED, isMuted, channels, orderConfirmations);
        }

        PreferencesBuilder emailOff() {
            return new PreferencesBuilder(subscription, isMuted, new ChannelSwitches(false, channels.sms(), channels.push()),
                    orderConfirmations);
        }

        PreferencesBuilder smsOff() {
            return new PreferencesBuilder(subscription, isMuted, new ChannelSwitches(channels.email(), false, channels.push()),
                    orderConfirmations);
        }

        PreferencesBuilder orderConfirmationsOff() {
            return new PreferencesBuilder(subscription, isMuted, channels, false);
        }

        CustomerPreferences build() {
            return new CustomerPreferences(JANA, subscription, isMuted, channels, null, orderConfirmations, 3, 0, List.of(),
                    List.of(), false, NOW.minus(Duration.ofDays(10)), ConsentSource.STAFF,
                    isMuted ? NOW.minus(Duration.ofDays(1)) : null, NOW);
        }
    }

    static PreferencesBuilder subscribed() {
        return new PreferencesBuilder(SubscriptionState.SUBSCRIBED, false, ChannelSwitches.ALL_ON, true);
    }

    static WorkspaceSettings settings() {
        return new WorkspaceSettings(ZoneId.of("Europe/Prague"), true, null, null,
                new WorkspaceSettings.Sender("shop@example.cz", "Shop", null, "Shop"), "cs", "3");
    }

    static WorkspaceSettings quietHours(String start, String end) {
        WorkspaceSettings s = settings();
        return new WorkspaceSettings(s.timeZone(), s.timeZoneFromPhone(),
                new WorkspaceSettings.QuietHours(LocalTime.parse(start), LocalTime.parse(end)), s.marketingCap(), s.sender(),
                s.defaultLanguage(), s.consentWordingVersion());
    }

    static WorkspaceSettings cap(int messages, Duration period) {
        WorkspaceSettings s = settings();
        return new WorkspaceSettings(s.timeZone(), s.timeZoneFromPhone(), s.quietHours(),
                new WorkspaceSettings.MarketingCap(messages, period), s.sender(), s.defaultLanguage(),
                s.consentWordingVersion());
    }

    static WorkspaceSettings with(WorkspaceSettings s, WorkspaceSettings.QuietHours quiet) {
        return new WorkspaceSettings(s.timeZone(), s.timeZoneFromPhone(), quiet, s.marketingCap(), s.sender(),
                s.defaultLanguage(), s.consentWordingVersion());
    }

    static RecipientTimeZones.Zone prague() {
        return new RecipientTimeZones.Zone(ZoneId.of("Europe/Prague"), "the phone number's country");
    }
}
