package io.clientele.customer.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.communication.CommunicationEvents.MessageV1;
import io.clientele.customer.communication.CommunicationEvents.PreferencesChangedV1;
import io.clientele.customer.communication.CommunicationEvents.Received;
import io.clientele.platform.events.UnreadableEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** customer-service's trimmed copies of communication-service's events read the published samples. */
class CommunicationEventsTest {

    @Test
    void thePreferencesSampleIsReadWithEverythingTheListNeeds() throws Exception {
        Received event = read("communication.preferences-changed.v1");

        assertThat(event.data()).isInstanceOfSatisfying(PreferencesChangedV1.class, data -> {
            assertThat(data.customerId()).isNotNull();
            assertThat(data.version()).isEqualTo(3);
            assertThat(data.subscriptionState()).isEqualTo("UNSUBSCRIBED");
            assertThat(data.muted()).isFalse();
            assertThat(data.changedFields()).containsExactly("subscriptionState");
            assertThat(data.source()).isEqualTo("UNSUBSCRIBE_LINK");
        });
        assertThat(event.workspaceId()).hasToString("5e1f0000-0000-4000-8000-000000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"communication.message-scheduled.v1", "communication.message-sent.v1",
            "communication.message-skipped.v1", "communication.message-failed.v1"})
    void everyMessageSampleIsReadWithItsPreview(String type) throws Exception {
        Received event = read(type);

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.data()).isInstanceOfSatisfying(MessageV1.class, data -> {
            assertThat(data.messageId()).isNotNull();
            assertThat(data.customerId()).isEqualTo(event.customerId());
            assertThat(data.channel()).isNotBlank();
            assertThat(data.previewPath()).isEqualTo("/api/v1/messages/" + data.messageId());
            assertThat(data.occurredAt()).isNotNull();
        });
    }

    @Test
    void aTypeNotFollowedIsPassedByAndABrokenOneRefused() throws Exception {
        assertThat(CommunicationEvents.read(EventContracts.sample("customer.note-added.v1")
                .getBytes(StandardCharsets.UTF_8))).isNull();
        assertThatThrownBy(() -> CommunicationEvents.read(EventContracts.sample("communication.message-sent.v1")
                .replace("\"channel\": \"EMAIL\",", "").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("data.channel");
        assertThatThrownBy(() -> CommunicationEvents.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("must be a CloudEvent object");
    }

    private static Received read(String type) throws UnreadableEvent {
        return CommunicationEvents.read(EventContracts.sample(type).getBytes(StandardCharsets.UTF_8));
    }
}
