package io.clientele.customer.communication;

import io.clientele.platform.events.EventEnvelope;
import io.clientele.platform.events.EventJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;

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

    /** An event that cannot be applied: not a CloudEvent, or its data breaks the contract. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @return the event, or null when it is of a type customer-service does not follow */
    static Received read(byte[] value) throws Unreadable {
        EventEnvelope envelope;
        try {
            envelope = EventJson.mapper().readValue(value, EventEnvelope.class);
        } catch (JacksonException | NullPointerException notAnEvent) {
            throw new Unreadable("not a CloudEvent: " + (notAnEvent instanceof JacksonException json
                    ? json.getOriginalMessage() : notAnEvent.getMessage()));
        }
        UUID workspace;
        try {
            workspace = UUID.fromString(String.valueOf(envelope.workspaceid()));
        } catch (IllegalArgumentException notAUuid) {
            throw new Unreadable("workspaceid: must be a UUID");
        }
        Object data;
        try {
            data = switch (envelope.type()) {
                case PREFERENCES_CHANGED -> EventJson.dataOf(envelope, PreferencesChangedV1.class);
                case MESSAGE_SCHEDULED, MESSAGE_SENT, MESSAGE_SKIPPED, MESSAGE_FAILED ->
                        EventJson.dataOf(envelope, MessageV1.class);
                default -> null;
            };
        } catch (JacksonException | IllegalArgumentException broken) {
            throw new Unreadable("data: " + (broken instanceof JacksonException json ? json.getOriginalMessage()
                    : broken.getMessage()));
        }
        if (data == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (data instanceof PreferencesChangedV1 preferences) {
            require(missing, "data.customerId", preferences.customerId());
            require(missing, "data.version", preferences.version());
            require(missing, "data.subscriptionState", preferences.subscriptionState());
            require(missing, "data.muted", preferences.muted());
            require(missing, "data.occurredAt", preferences.occurredAt());
            if (preferences.subscriptionState() != null && !List.of("SUBSCRIBED", "UNSUBSCRIBED")
                    .contains(preferences.subscriptionState())) {
                missing.add("data.subscriptionState (SUBSCRIBED or UNSUBSCRIBED)");
            }
        } else if (data instanceof MessageV1 message) {
            require(missing, "data.messageId", message.messageId());
            require(missing, "data.customerId", message.customerId());
            require(missing, "data.channel", message.channel());
            require(missing, "data.occurredAt", message.occurredAt());
            if (envelope.type().equals(MESSAGE_SCHEDULED)) {
                require(missing, "data.dueAt", message.dueAt());
            }
        }
        if (!missing.isEmpty()) {
            throw new Unreadable("missing or invalid: " + String.join(", ", missing));
        }
        return new Received(envelope.id(), workspace, envelope.type(), data);
    }

    private static void require(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }
}
