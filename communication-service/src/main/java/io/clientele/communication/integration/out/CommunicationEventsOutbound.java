package io.clientele.communication.integration.out;

import io.clientele.communication.integration.out.CommunicationEventsV1.ChannelsV1;
import io.clientele.communication.integration.out.CommunicationEventsV1.MessageFailedV1;
import io.clientele.communication.integration.out.CommunicationEventsV1.MessageScheduledV1;
import io.clientele.communication.integration.out.CommunicationEventsV1.MessageSentV1;
import io.clientele.communication.integration.out.CommunicationEventsV1.MessageSkippedV1;
import io.clientele.communication.integration.out.CommunicationEventsV1.PreferencesChangedV1;
import io.clientele.communication.messages.Message;
import io.clientele.communication.messages.MessageEvents.MessageFailed;
import io.clientele.communication.messages.MessageEvents.MessageScheduled;
import io.clientele.communication.messages.MessageEvents.MessageSent;
import io.clientele.communication.messages.MessageEvents.MessageSkipped;
import io.clientele.communication.outbox.EventTranslator;
import io.clientele.communication.preferences.CustomerPreferences;
import io.clientele.communication.preferences.PreferencesChanged;
import io.clientele.platform.events.OutgoingEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Maps domain events to the integration events of {@code communication.events}, keyed by customer id.
 * Called when a change is written, so the event is stored in the same document write as the change.
 */
@Component
class CommunicationEventsOutbound implements EventTranslator {

    private static final int REASON_MAX = 500;

    @Override
    public List<OutgoingEvent> translate(Object domainEvent) {
        return switch (domainEvent) {
            case PreferencesChanged changed -> List.of(preferences(changed));
            case MessageSent sent -> List.of(message(sent.message(), CommunicationEventsV1.MESSAGE_SENT,
                    new MessageSentV1(sent.message().id(), customer(sent.message()), sent.message().requestId(),
                            sent.message().channel().name(), sent.message().category().name(),
                            sent.message().purpose().name(), sent.message().templateKey(), title(sent.message()),
                            sent.language(), sent.message().scenarioId(), sent.message().stepId(), sent.at(),
                            sent.message().previewPath(), sent.attempt(), sent.provider())));
            case MessageSkipped skipped -> List.of(message(skipped.message(), CommunicationEventsV1.MESSAGE_SKIPPED,
                    new MessageSkippedV1(skipped.message().id(), customer(skipped.message()), skipped.message().requestId(),
                            skipped.message().channel().name(), skipped.message().category().name(),
                            skipped.message().purpose().name(), skipped.message().templateKey(), title(skipped.message()),
                            skipped.language(), skipped.message().scenarioId(), skipped.message().stepId(), skipped.at(),
                            skipped.message().previewPath(), skipped.reasonCode(), reason(skipped.reason()))));
            case MessageFailed failed -> List.of(message(failed.message(), CommunicationEventsV1.MESSAGE_FAILED,
                    new MessageFailedV1(failed.message().id(), customer(failed.message()), failed.message().requestId(),
                            failed.message().channel().name(), failed.message().category().name(),
                            failed.message().purpose().name(), failed.message().templateKey(), title(failed.message()),
                            failed.language(), failed.message().scenarioId(), failed.message().stepId(), failed.at(),
                            failed.message().previewPath(), failed.reasonCode(), reason(failed.reason()),
                            failed.attempts())));
            case MessageScheduled scheduled -> List.of(message(scheduled.message(), CommunicationEventsV1.MESSAGE_SCHEDULED,
                    new MessageScheduledV1(scheduled.message().id(), customer(scheduled.message()),
                            scheduled.message().requestId(), scheduled.message().channel().name(),
                            scheduled.message().category().name(), scheduled.message().purpose().name(),
                            scheduled.message().templateKey(), title(scheduled.message()), scheduled.language(),
                            scheduled.message().scenarioId(), scheduled.message().stepId(), scheduled.at(),
                            scheduled.message().previewPath(), scheduled.dueAt(), scheduled.reasonCode(),
                            reason(scheduled.reason()))));
            case null, default -> List.of();
        };
    }

    private static OutgoingEvent preferences(PreferencesChanged changed) {
        CustomerPreferences after = changed.after();
        return new OutgoingEvent(CommunicationEventsV1.TOPIC, CommunicationEventsV1.PREFERENCES_CHANGED,
                changed.customer().workspaceId(), changed.customer().customerId().toString(),
                new PreferencesChangedV1(changed.customer().customerId(), after.version(), after.subscription().name(),
                        after.muted(), after.contactState(),
                        new ChannelsV1(after.channels().email(), after.channels().sms(), after.channels().push()),
                        after.language(), after.orderConfirmations(), changed.changedFields(), changed.source().name(),
                        changed.actor(), changed.wordingVersion(), changed.occurredAt()));
    }

    private static OutgoingEvent message(Message message, String type, Object data) {
        return new OutgoingEvent(CommunicationEventsV1.TOPIC, type, message.customer().workspaceId(),
                message.customer().customerId().toString(), data);
    }

    private static java.util.UUID customer(Message message) {
        return message.customer().customerId();
    }

    private static String title(Message message) {
        String title = message.title() == null || message.title().isBlank() ? "Message" : message.title();
        return title.length() > 200 ? title.substring(0, 200) : title;
    }

    private static String reason(String reason) {
        String text = reason == null || reason.isBlank() ? "-" : reason;
        return text.length() > REASON_MAX ? text.substring(0, REASON_MAX) : text;
    }
}
