package io.clientele.customer.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.contracts.EventContracts;
import io.clientele.customer.scenarios.ScenarioEvents.EnrollmentV1;
import io.clientele.customer.scenarios.ScenarioEvents.Received;
import io.clientele.customer.scenarios.ScenarioEvents.StepV1;
import io.clientele.platform.events.UnreadableEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** customer-service's trimmed copies of scenario-service's events read the published samples. */
class ScenarioEventsTest {

    @Test
    void theScheduledSampleIsReadWithWhatAPlannedEntryNeeds() throws Exception {
        Received event = read("scenario.step-scheduled.v1");

        assertThat(event.workspaceId()).hasToString("5e1f0000-0000-4000-8000-000000000001");
        assertThat(event.data()).isInstanceOfSatisfying(StepV1.class, step -> {
            assertThat(step.customerId()).isEqualTo(event.customerId()).isNotNull();
            assertThat(step.scenarioName()).isEqualTo("Připomínka rezervace");
            assertThat(step.title()).isEqualTo("SMS: reservation-reminder");
            assertThat(step.channel()).isEqualTo("SMS");
            assertThat(step.dueAt()).isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
            assertThat(step.sourceId()).isEqualTo("0194b1c2-0000-7000-8000-00000000e001:reminder-24h");
        });
    }

    @Test
    void theExecutedAndCancelledSamplesCarryTheOutcomeAndTheReason() throws Exception {
        assertThat(read("scenario.step-executed.v1").data()).isInstanceOfSatisfying(StepV1.class, step -> {
            assertThat(step.outcome()).isEqualTo("REQUESTED");
            assertThat(step.executedAt()).isEqualTo(Instant.parse("2026-11-28T13:00:00.250Z"));
            assertThat(step.requestId()).isEqualTo("scenario:0194b1c2-0000-7000-8000-00000000e001:reminder-24h");
        });
        assertThat(read("scenario.step-cancelled.v1").data()).isInstanceOfSatisfying(StepV1.class,
                step -> assertThat(step.reason()).isEqualTo("RESERVATION_CANCELLED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scenario.enrollment-started.v1", "scenario.enrollment-ended.v1"})
    void theEnrollmentSamplesAreReadWithWhoAndWhen(String type) throws Exception {
        Received event = read(type);

        assertThat(event.type()).isEqualTo(type);
        assertThat(event.data()).isInstanceOfSatisfying(EnrollmentV1.class, enrollment -> {
            assertThat(enrollment.enrollmentId()).hasToString("0194b1c2-0000-7000-8000-00000000e001");
            assertThat(enrollment.by()).isNotBlank();
            assertThat(enrollment.at()).isNotNull();
            if (type.endsWith("ended.v1")) {
                assertThat(enrollment.reason()).isEqualTo("RESERVATION_CANCELLED");
            } else {
                assertThat(enrollment.reservationId()).hasToString("0193a6c0-1111-7aaa-8bbb-0c0d0e0f1011");
            }
        });
    }

    @Test
    void aTypeNotFollowedIsPassedByAndABrokenOneRefused() throws Exception {
        assertThat(ScenarioEvents.read(bytes(EventContracts.sample("customer.note-added.v1")))).isNull();
        assertThatThrownBy(() -> ScenarioEvents.read(bytes(EventContracts.sample("scenario.step-scheduled.v1")
                .replace("\"dueAt\": \"2026-11-28T13:00:00Z\"", "\"dueAt\": \"tomorrow\""))))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("data.dueAt");
        assertThatThrownBy(() -> ScenarioEvents.read(bytes(EventContracts.sample("scenario.step-executed.v1")
                .replace("\"outcome\": \"REQUESTED\",", ""))))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("data.outcome");
    }

    private static Received read(String type) throws UnreadableEvent {
        return ScenarioEvents.read(bytes(EventContracts.sample(type)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
