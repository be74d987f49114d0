package io.clientele.customer.communication;

import io.clientele.customer.communication.CommunicationEvents.MessageV1;
import io.clientele.customer.communication.CommunicationEvents.PreferencesChangedV1;
import io.clientele.customer.communication.CommunicationEvents.Received;
import io.clientele.customer.customers.Customers;
import io.clientele.customer.customers.SubscriptionState;
import io.clientele.customer.timeline.PlannedEntry;
import io.clientele.customer.timeline.Timeline;
import io.clientele.customer.timeline.TimelineEntry.Source;
import io.clientele.customer.timeline.TimelineEntry;
import io.clientele.customer.timeline.TimelineType;
import io.clientele.platform.inbox.Inbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies communication-service's events, a batch at a time in one transaction: the subscription and
 * mute columns of the customer list follow the newest preferences (C-4), and every change of
 * preferences and every message planned, sent, skipped or failed becomes a timeline entry whose source
 * opens the message's exact content (C-10, M-6). Redeliveries are dropped by the inbox; events about
 * customers erased meanwhile are passed by.
 */
@Service
class CommunicationIngestion {

    static final String INBOX = "customer-service:communication.events";

    private final Inbox inbox;
    private final Customers customers;
    private final Timeline timeline;

    CommunicationIngestion(Inbox inbox, Customers customers, Timeline timeline) {
        this.inbox = inbox;
        this.customers = customers;
        this.timeline = timeline;
    }

    /** @return how many events were applied (redeliveries and erased customers' events are not) */
    @Transactional
    int apply(List<Received> batch) {
        List<Received> toApply = customers.aboutExistingCustomers(batch,
                inbox.firstDeliveries(INBOX, batch.stream().map(Received::delivery).toList()), Received::delivery,
                Received::workspaceId, Received::customerId);
        List<TimelineEntry> entries = new ArrayList<>();
        int applied = 0;
        for (Received event : toApply) {
            applied++;
            if (event.data() instanceof PreferencesChangedV1 preferences) {
                customers.mirrorPreferences(event.workspaceId(), preferences.customerId(),
                        SubscriptionState.valueOf(preferences.subscriptionState()), preferences.muted(),
                        preferences.version());
                entries.addAll(preferenceEntries(event, preferences));
            } else if (event.data() instanceof MessageV1 message) {
                Source source = new Source("message", message.messageId().toString(), message.previewPath() != null
                        ? message.previewPath() : "/api/v1/messages/" + message.messageId());
                if (event.type().equals(CommunicationEvents.MESSAGE_SCHEDULED)) {
                    timeline.plan(new PlannedEntry(event.workspaceId(), message.customerId(), message.dueAt(),
                            TimelineType.MESSAGE_PLANNED, channel(message) + " planned: " + what(message)
                                    + (message.reason() == null ? "" : " (" + message.reason() + ")"),
                            messageDetails(message), source));
                } else {
                    timeline.unplan(event.workspaceId(), message.customerId(), "message", message.messageId().toString());
                    entries.add(messageEntry(event, message, source));
                }
            }
        }
        timeline.record(entries);
        return applied;
    }

    private static List<TimelineEntry> preferenceEntries(Received event, PreferencesChangedV1 preferences) {
        List<String> changed = preferences.changedFields() == null ? List.of() : preferences.changedFields();
        String how = source(preferences.source());
        Source source = new Source("preferences", preferences.customerId().toString(),
                "/api/v1/preferences/" + preferences.customerId() + "/consents");
        Map<String, Object> details = details("version", preferences.version(), "source", preferences.source(),
                "actor", preferences.actor(), "changedFields", changed);
        List<TimelineEntry> entries = new ArrayList<>();
        if (changed.contains("subscriptionState")) {
            boolean subscribed = "SUBSCRIBED".equals(preferences.subscriptionState());
            entries.add(entry(event, preferences, TimelineType.SUBSCRIPTION_CHANGED,
                    (subscribed ? "Subscribed to marketing" : "Unsubscribed from marketing") + how,
                    with(details, "subscriptionState", preferences.subscriptionState()), source, ":subscription"));
        }
        if (changed.contains("muted")) {
            entries.add(entry(event, preferences, TimelineType.MUTE_CHANGED,
                    Boolean.TRUE.equals(preferences.muted()) ? "Muted" + how + ": no message goes out at all"
                            : "Unmuted" + how,
                    with(details, "muted", preferences.muted()), source, ":mute"));
        }
        List<String> others = changed.stream().filter(field -> !field.equals("subscriptionState")
                && !field.equals("muted")).toList();
        if (!others.isEmpty()) {
            entries.add(entry(event, preferences, TimelineType.PREFERENCES_CHANGED, "Communication preferences"
                    + " changed: " + String.join(", ", others.stream().map(CommunicationIngestion::words).toList())
                    + how, with(details, "channels", preferences.channels()), source, ":preferences"));
        }
        return entries;
    }

    private static TimelineEntry entry(Received event, PreferencesChangedV1 preferences, TimelineType type,
            String title, Map<String, Object> details, Source source, String part) {
        // one event may tell several things: each entry keeps its own id, derived from the event's
        return new TimelineEntry(event.workspaceId(), preferences.customerId(), preferences.occurredAt(), type, title,
                details, source, event.eventId() + part);
    }

    private static TimelineEntry messageEntry(Received event, MessageV1 message, Source source) {
        String channel = channel(message);
        String what = what(message);
        return switch (event.type()) {
            case CommunicationEvents.MESSAGE_SENT -> new TimelineEntry(event.workspaceId(), message.customerId(),
                    message.occurredAt(), TimelineType.MESSAGE_SENT, channel + " sent: " + what,
                    messageDetails(message), source, event.eventId());
            case CommunicationEvents.MESSAGE_SKIPPED -> new TimelineEntry(event.workspaceId(), message.customerId(),
                    message.occurredAt(), TimelineType.MESSAGE_SKIPPED, channel + " not sent: " + what
                            + (message.reason() == null ? "" : " (" + message.reason() + ")"),
                    messageDetails(message), source, event.eventId());
            default -> new TimelineEntry(event.workspaceId(), message.customerId(), message.occurredAt(),
                    TimelineType.MESSAGE_FAILED, channel + " failed: " + what
                            + (message.reason() == null ? "" : " (" + message.reason() + ")"),
                    messageDetails(message), source, event.eventId());
        };
    }

    private static Map<String, Object> messageDetails(MessageV1 message) {
        return details("messageId", message.messageId(), "channel", message.channel(), "category", message.category(),
                "templateKey", message.templateKey(), "scenarioId", message.scenarioId(), "stepId", message.stepId(),
                "reasonCode", message.reasonCode(), "reason", message.reason(), "dueAt", message.dueAt(),
                "attempts", message.attempts());
    }

    private static String channel(MessageV1 message) {
        return switch (message.channel()) {
            case "EMAIL" -> "E-mail";
            case "SMS" -> "SMS";
            case "PUSH" -> "Push notification";
            default -> message.channel();
        };
    }

    private static String what(MessageV1 message) {
        String title = message.title() != null ? message.title()
                : message.templateKey() != null ? message.templateKey() : "message";
        return "MARKETING".equals(message.category()) ? title + " (marketing)" : title;
    }

    private static String source(String source) {
        if (source == null) {
            return "";
        }
        return switch (source) {
            case "STAFF" -> " by staff";
            case "BOOKING" -> " when booking";
            case "IMPORT" -> " by an import";
            case "UNSUBSCRIBE_LINK" -> " through the unsubscribe link";
            case "API" -> " through the API";
            default -> " (" + source.toLowerCase(Locale.ROOT) + ")";
        };
    }

    private static String words(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> with(Map<String, Object> details, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(details);
        if (value != null) {
            copy.put(key, value);
        }
        return copy;
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        return TimelineEntry.details(keysAndValues);
    }
}
