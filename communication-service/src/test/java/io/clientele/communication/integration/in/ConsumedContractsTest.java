package io.clientele.communication.integration.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientele.communication.Category;
import io.clientele.communication.Channel;
import io.clientele.communication.Purpose;
import io.clientele.communication.integration.in.CustomerEventReader.Created;
import io.clientele.communication.integration.in.CustomerEventReader.Erased;
import io.clientele.communication.integration.in.CustomerEventReader.ReservationConsent;
import io.clientele.communication.integration.in.CustomerEventReader.Updated;
import io.clientele.communication.sending.SendRequest;
import io.clientele.contracts.EventContracts;
import io.clientele.platform.events.UnreadableEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What communication-service consumes, read with its own trimmed records from the samples published in
 * platform/contracts: a sample that changes shape breaks this test, not production.
 */
class ConsumedContractsTest {

    static final UUID WORKSPACE = UUID.fromString("5e1f0000-0000-4000-8000-000000000001");
    static final UUID JANA = UUID.fromString("0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10");

    static byte[] sample(String type) {
        return EventContracts.sample(type).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void customerCreatedGivesTheContactAndTheConsent() throws UnreadableEvent {
        Created created = (Created) CustomerEventReader.read(sample("customer.created.v1"));

        assertThat(created.workspaceId()).isEqualTo(WORKSPACE);
        assertThat(created.customer()).isEqualTo(new CustomerEventReader.CustomerV1(JANA, "Jana", "Nováková", null,
                "jana.novakova@example.cz", "+420777123456", "cs", Instant.parse("2026-11-23T09:15:02.114Z")));
        assertThat(created.marketingConsent()).isTrue();
        assertThat(created.consentSource()).isEqualTo("STAFF");
        assertThat(created.actor()).isEqualTo("staff-7d2c");
        assertThat(created.eventId()).isEqualTo("6f1c2a8e-3b1d-4a57-9d0e-1c2b3a4d5e6f");
    }

    @Test
    void customerUpdatedGivesTheNewContact() throws UnreadableEvent {
        Updated updated = (Updated) CustomerEventReader.read(sample("customer.updated.v1"));

        assertThat(updated.customer().phone()).isEqualTo("+420777999888");
        assertThat(updated.customer().updatedAt()).isEqualTo(Instant.parse("2026-11-24T10:02:44.501Z"));
    }

    @Test
    void customerErasedNamesTheCustomerAndWhen() throws UnreadableEvent {
        Erased erased = (Erased) CustomerEventReader.read(sample("customer.erased.v1"));

        assertThat(erased.customerId()).isEqualTo(JANA);
        assertThat(erased.erasedAt()).isEqualTo(Instant.parse("2027-03-02T08:00:00Z"));
    }

    @Test
    void aRecordedReservationCarriesTheBookingsConsentWhichMayBeNull() throws UnreadableEvent {
        ReservationConsent booking = (ReservationConsent) CustomerEventReader.read(sample("reservation.recorded.v1"));
        byte[] consenting = EventContracts.sample("reservation.recorded.v1")
                .replace("\"marketingConsent\": null", "\"marketingConsent\": true").getBytes(StandardCharsets.UTF_8);

        assertThat(booking.customerId()).isEqualTo(JANA);
        assertThat(booking.marketingConsent()).isNull();
        assertThat(booking.partner()).isEqualTo("/partners/reservio");
        assertThat(((ReservationConsent) CustomerEventReader.read(consenting)).marketingConsent()).isTrue();
    }

    @Test
    void theOtherCustomerEventsAreNotOursAndAreNotDeadLettered() throws UnreadableEvent {
        assertThat(CustomerEventReader.read(sample("customer.status-changed.v1"))).isNull();
        assertThat(CustomerEventReader.read(sample("customer.note-added.v1"))).isNull();
    }

    @Test
    void unknownFieldsAreIgnoredSchemasOnlyGrow() throws UnreadableEvent {
        byte[] grown = EventContracts.sample("customer.created.v1")
                .replace("\"marketingConsent\": true", "\"marketingConsent\": true, \"newThing\": {\"a\": 1}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(CustomerEventReader.read(grown)).isInstanceOf(Created.class);
    }

    @Test
    void whatBreaksTheContractIsReportedFieldByField() {
        String sample = EventContracts.sample("customer.created.v1");
        assertThatThrownBy(() -> CustomerEventReader.read("{ not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> CustomerEventReader.read(sample.replace("\"workspaceid\"", "\"tenant\"")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("workspaceid: is required");
        assertThatThrownBy(() -> CustomerEventReader.read(sample.replace("\"consentSource\": \"STAFF\"",
                "\"consentSource\": \"PIGEON\"").getBytes(StandardCharsets.UTF_8))).hasMessageContaining("data.consentSource");
        assertThatThrownBy(() -> CustomerEventReader.read(sample.replace("\"id\": \"0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10\"",
                "\"id\": \"jana\"").getBytes(StandardCharsets.UTF_8))).hasMessageContaining("data.customer.id: must be a UUID");
    }

    @Test
    void theSendCommandSampleIsARequest() throws UnreadableEvent {
        SendRequest request = SendCommandReader.read(sample("communication.send-requested.v1"));

        assertThat(request.customer().workspaceId()).isEqualTo(WORKSPACE);
        assertThat(request.customer().customerId()).isEqualTo(JANA);
        assertThat(request.requestId()).isEqualTo("enr-7f3a:reminder-24h");
        assertThat(request.channel()).isEqualTo(Channel.EMAIL);
        assertThat(request.category()).isEqualTo(Category.TRANSACTIONAL);
        assertThat(request.purpose()).isEqualTo(Purpose.RESERVATION);
        assertThat(request.templateKey()).isEqualTo("reservation-reminder");
        assertThat(request.inline()).isNull();
        assertThat(request.variables().reservation().startsAt()).isEqualTo(Instant.parse("2026-11-29T13:00:00Z"));
        assertThat(request.variables().reservation().service()).isEqualTo("Střih a foukaná");
        assertThat(request.variables().custom()).containsEntry("voucher", "LILIE10");
        assertThat(request.scenarioId()).isEqualTo("0194a000-1111-7222-8333-444455556666");
        assertThat(request.stepId()).isEqualTo("reminder-24h");
        assertThat(request.notBefore()).isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        assertThat(request.requestedBy()).isEqualTo("system:scenario-service");
        assertThat(request.origin()).isEqualTo("COMMAND");
    }

    @Test
    void aCommandBreakingTheContractIsRefusedWithEveryReason() {
        String sample = EventContracts.sample("communication.send-requested.v1");
        String both = sample.replace("\"content\": null", "\"content\": {\"subject\": \"Hi\", \"text\": \"Hello\"}");
        String badChannel = sample.replace("\"EMAIL\"", "\"PIGEON\"").replace("\"requestId\": \"enr-7f3a:reminder-24h\", ", "");
        String otherSubject = sample.replace("\"subject\": \"0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10\"",
                "\"subject\": \"" + UUID.randomUUID() + "\"");

        assertThatThrownBy(() -> SendCommandReader.read(both.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("exactly one of templateKey and content");
        assertThatThrownBy(() -> SendCommandReader.read(badChannel.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("data.channel");
        assertThatThrownBy(() -> SendCommandReader.read(otherSubject.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("subject: must be the customer id");
        assertThatThrownBy(() -> SendCommandReader.read(EventContracts.sample("customer.erased.v1")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("is not a command");
    }
}
