package io.clientele.communication.integration.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The integration events communication-service puts on {@code communication.events}: versioned records
 * named by a stable type string, mapped from the service's domain events. Their JSON Schemas live in
 * platform/contracts; a test checks what is published against them.
 */
final class CommunicationEventsV1 {

    static final String TOPIC = "communication.events";
    static final String PREFERENCES_CHANGED = "communication.preferences-changed.v1";
    static final String MESSAGE_SCHEDULED = "communication.message-scheduled.v1";
    static final String MESSAGE_SENT = "communication.message-sent.v1";
    static final String MESSAGE_SKIPPED = "communication.message-skipped.v1";
    static final String MESSAGE_FAILED = "communication.message-failed.v1";

    private CommunicationEventsV1() {
    }

    record ChannelsV1(boolean email, boolean sms, boolean push) {
    }

    record PreferencesChangedV1(UUID customerId, long version, String subscriptionState, boolean muted,
            String contactState, ChannelsV1 channels, String language, boolean orderConfirmations,
            List<String> changedFields, String source, String actor, String wordingVersion, Instant occurredAt) {
    }

    record MessageSentV1(UUID messageId, UUID customerId, String requestId, String channel, String category,
            String purpose, String templateKey, String title, String language, String scenarioId, String stepId,
            Instant occurredAt, String previewPath, int attempt, String provider) {
    }

    record MessageSkippedV1(UUID messageId, UUID customerId, String requestId, String channel, String category,
            String purpose, String templateKey, String title, String language, String scenarioId, String stepId,
            Instant occurredAt, String previewPath, String reasonCode, String reason) {
    }

    record MessageFailedV1(UUID messageId, UUID customerId, String requestId, String channel, String category,
            String purpose, String templateKey, String title, String language, String scenarioId, String stepId,
            Instant occurredAt, String previewPath, String reasonCode, String reason, int attempts) {
    }

    record MessageScheduledV1(UUID messageId, UUID customerId, String requestId, String channel, String category,
            String purpose, String templateKey, String title, String language, String scenarioId, String stepId,
            Instant occurredAt, String previewPath, Instant dueAt, String reasonCode, String reason) {
    }
}
