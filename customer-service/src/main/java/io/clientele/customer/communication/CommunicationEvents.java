package io.clientele.customer.communication;

import io.clientele.platform.events.EventFields;
import io.clientele.platform.events.UnreadableEvent;
import io.clientele.platform.inbox.Inbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What customer-service reads of {@code communication.events}: its own trimmed copies of the events
 * (platform/contracts has the full schemas), and the reading that tells an event it cannot use from
 * one it has no use for.
 */
final class CommunicationEvents {

    static final String PREFERENCES_CHANGED = "communication.preferences-changed.v1";
    static final String MESSAGE_SCHEDULED = "communication.message-scheduled.v1";
    static final String MESSAGE_SENT = "communication.message-sent.v1";
    static final String MESSAGE_SKIPPED = "communication.message-skipped.v1";
    static final String MESSAGE_FAILED = "communication.message-failed.v1";

    private CommunicationEvents() {
    }

    /** One event this service applies: its id, workspace and type, and its data in one of the records below. */
    record Received(String eventId, UUID workspaceId, String type, Object data) {

        /** The inbox's key: the event's workspace and id. */
        Inbox.Delivery delivery() {
            return new Inbox.Delivery(workspaceId, eventId);
        }

        UUID customerId() {
            return data instanceof PreferencesChangedV1 preferences ? preferences.customerId()
                    : ((MessageV1) data).customerId();
        }
    }

    record PreferencesChangedV1(UUID customerId, Long version, String subscriptionState, Boolean muted,
            Map<String, Boolean> channels, String language, List<String> changedFields, String source, String actor,
            Instant occurredAt) {
    }

    /** Every message event: scheduled (with dueAt), sent, skipped or failed (with the reason). */
    record MessageV1(UUID messageId, UUID customerId, String channel, String category, String templateKey,
            String title, String scenarioId, String stepId, Instant occurredAt, String previewPath, Instant dueAt,
            String reasonCode, String reason, Integer attempts) {
    }

    /** @return the event, or null when it is of a type customer-service does not follow */
    static Received read(byte[] value) throws UnreadableEvent {
        JsonNode event = EventFields.parse(value);
        EventFields check = new EventFields();
        EventFields.Envelope envelope = check.envelope(event);
        check.done();
        JsonNode data = envelope.data();
        Object read = switch (envelope.type()) {
            case PREFERENCES_CHANGED -> preferences(check, data);
            case MESSAGE_SCHEDULED, MESSAGE_SENT, MESSAGE_SKIPPED, MESSAGE_FAILED ->
                    message(check, data, envelope.type().equals(MESSAGE_SCHEDULED));
            default -> null;
        };
        check.done();
        return read == null ? null : new Received(envelope.id(), envelope.workspaceId(), envelope.type(), read);
    }

    private static PreferencesChangedV1 preferences(EventFields check, JsonNode data) {
        String state = check.text(data, "subscriptionState", "data.subscriptionState", 20, true);
        if (state != null && !List.of("SUBSCRIBED", "UNSUBSCRIBED").contains(state)) {
            check.fail("data.subscriptionState", "must be SUBSCRIBED or UNSUBSCRIBED");
        }
        Map<String, Boolean> channels = new LinkedHashMap<>();
        JsonNode switches = check.object(data, "channels", "data.channels", false);
        if (switches != null) {
            for (String channel : switches.properties().stream().map(java.util.Map.Entry::getKey).toList()) {
                Boolean on = check.bool(switches, channel, "data.channels." + channel, true);
                if (on != null) {
                    channels.put(channel, on);
                }
            }
        }
        List<String> changed = new ArrayList<>();
        JsonNode fields = check.array(data, "changedFields", "data.changedFields", false);
        if (fields != null) {
            for (JsonNode field : fields) {
                if (field.isString()) {
                    changed.add(field.asString());
                } else {
                    check.fail("data.changedFields", "must be an array of strings");
                }
            }
        }
        return new PreferencesChangedV1(check.uuid(data, "customerId", "data.customerId", true),
                check.integer(data, "version", "data.version", 0, Long.MAX_VALUE, true), state,
                check.bool(data, "muted", "data.muted", true), channels,
                check.text(data, "language", "data.language", 35, false), changed,
                check.text(data, "source", "data.source", 40, false), check.text(data, "actor", "data.actor", 200, false),
                check.instant(data, "occurredAt", "data.occurredAt", true));
    }

    private static MessageV1 message(EventFields check, JsonNode data, boolean scheduled) {
        Long attempts = check.integer(data, "attempts", "data.attempts", 0, Integer.MAX_VALUE, false);
        return new MessageV1(check.uuid(data, "messageId", "data.messageId", true),
                check.uuid(data, "customerId", "data.customerId", true),
                check.text(data, "channel", "data.channel", 20, true),
                check.text(data, "category", "data.category", 20, false),
                check.text(data, "templateKey", "data.templateKey", 64, false),
                check.text(data, "title", "data.title", 500, false),
                check.text(data, "scenarioId", "data.scenarioId", 100, false),
                check.text(data, "stepId", "data.stepId", 100, false),
                check.instant(data, "occurredAt", "data.occurredAt", true),
                check.text(data, "previewPath", "data.previewPath", 500, false),
                check.instant(data, "dueAt", "data.dueAt", scheduled),
                check.text(data, "reasonCode", "data.reasonCode", 64, false),
                check.text(data, "reason", "data.reason", 2000, false),
                attempts == null ? null : attempts.intValue());
    }
}
