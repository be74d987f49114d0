package io.clientele.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractsTest {

    static List<String> allTypes() {
        return EventContracts.topics().values().stream().flatMap(List::stream).toList();
    }

    @ParameterizedTest
    @MethodSource("allTypes")
    void everySampleHonoursItsSchema(String type) {
        assertThat(EventContracts.violations(EventContracts.sample(type))).isEmpty();
    }

    @Test
    void everyTypeIsDescribedInItsTopicsAsyncApiDocument() throws IOException {
        for (var topic : EventContracts.topics().entrySet()) {
            // customer.events -> asyncapi/customer-events.asyncapi.yaml
            Path document = Path.of("src/main/resources/contracts/asyncapi/"
                    + topic.getKey().replace('.', '-') + ".asyncapi.yaml");
            String asyncApi = Files.readString(document);
            assertThat(asyncApi).as(document.toString()).contains("address: " + topic.getKey());
            for (String type : topic.getValue()) {
                assertThat(asyncApi).as(document + " " + type).contains("name: " + type).contains(type + ".schema.json");
            }
        }
    }

    @Test
    void aMissingRequiredFieldIsAViolation() {
        String sample = EventContracts.sample("customer.erased.v1");
        String broken = sample.replace("\"erasedAt\"", "\"erasedWhen\"");
        assertThat(EventContracts.violations(broken)).isNotEmpty();
    }

    @Test
    void aWrongEnumValueIsAViolation() {
        String broken = EventContracts.sample("customer.status-changed.v1").replace("\"REGULAR\"", "\"VIP\"");
        assertThat(EventContracts.violations(broken)).anySatisfy(v -> assertThat(v).contains("to"));
    }

    @Test
    void aCustomerEventsSubjectMustBeTheCustomerId() {
        String broken = EventContracts.sample("customer.erased.v1")
                .replace("\"subject\": \"0193a5b2-7c41-7e2a-9b1d-2f6c3e8a9d10\"", "\"subject\": \"jana\"");
        assertThat(broken).contains("\"subject\": \"jana\"");
        assertThat(EventContracts.violations(broken)).isNotEmpty();
    }

    @Test
    void aReservationEventNeedsTheReservationStartAndTheCustomersPartnerId() {
        String noStart = EventContracts.sample("booking.reservation-created.v1").replace("\"startsAt\"", "\"beginsAt\"");
        String noCustomerId = EventContracts.sample("booking.reservation-created.v1").replace("\"C-7731\"", "\"\"");
        assertThat(EventContracts.violations(noStart)).isNotEmpty();
        assertThat(EventContracts.violations(noCustomerId)).isNotEmpty();
    }

    @Test
    void anEnvelopeWithoutWorkspaceIsAViolation() {
        String broken = EventContracts.sample("customer.note-added.v1").replace("\"workspaceid\"", "\"tenant\"");
        assertThat(EventContracts.violations(broken)).anySatisfy(v -> assertThat(v).contains("workspaceid"));
    }

    @Test
    void anUnpublishedTypeIsAViolation() {
        String unknown = EventContracts.sample("customer.erased.v1").replace("customer.erased.v1", "customer.vanished.v1");
        assertThat(EventContracts.violations(unknown)).containsExactly("no published schema for type customer.vanished.v1");
    }

    @Test
    void anUndeclaredDataFieldIsAViolationSoSchemasGrowWithTheCode() {
        String extra = EventContracts.sample("customer.erased.v1").replace("\"erasedAt\"", "\"reason\": \"x\", \"erasedAt\"");
        assertThat(EventContracts.violations(extra)).isNotEmpty();
    }
}
