package io.clientele.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the communication contracts refuse, beyond the shape every sample is checked for. */
class CommunicationContractsTest {

    @Test
    void aSendCommandNamesATemplateOrCarriesContentButNotBoth() {
        String withTemplate = EventContracts.sample("communication.send-requested.v1");
        String both = withTemplate.replace("\"content\": null", "\"content\": {\"subject\": \"Hi\", \"text\": \"Hello\"}");
        String neither = withTemplate.replace("\"templateKey\": \"reservation-reminder\"", "\"templateKey\": null");
        String inlineOnly = neither.replace("\"content\": null", "\"content\": {\"subject\": \"Hi\", \"text\": \"Hello\"}");

        assertThat(both).isNotEqualTo(withTemplate);
        assertThat(EventContracts.violations(both)).isNotEmpty();
        assertThat(EventContracts.violations(neither)).isNotEmpty();
        assertThat(EventContracts.violations(inlineOnly)).isEmpty();
    }

    @Test
    void aSendCommandNeedsARequestIdAndAKnownChannelAndCategory() {
        String sample = EventContracts.sample("communication.send-requested.v1");
        assertThat(EventContracts.violations(sample.replace("\"requestId\"", "\"requestKey\""))).isNotEmpty();
        assertThat(EventContracts.violations(sample.replace("\"EMAIL\"", "\"PIGEON\""))).isNotEmpty();
        assertThat(EventContracts.violations(sample.replace("\"TRANSACTIONAL\"", "\"URGENT\""))).isNotEmpty();
    }

    @Test
    void aMessageEventPointsAtItsPreviewByTheMessageId() {
        String sample = EventContracts.sample("communication.message-sent.v1");
        String elsewhere = sample.replace("\"/api/v1/messages/", "\"/messages/");
        assertThat(elsewhere).isNotEqualTo(sample);
        assertThat(EventContracts.violations(elsewhere)).isNotEmpty();
    }

    @Test
    void aSkipCarriesAKnownReasonCode() {
        String sample = EventContracts.sample("communication.message-skipped.v1");
        assertThat(EventContracts.violations(sample.replace("\"unsubscribed\"", "\"bored\""))).isNotEmpty();
        String withoutCode = sample.replace("\"reasonCode\": \"unsubscribed\",", "");
        assertThat(withoutCode).isNotEqualTo(sample);
        assertThat(EventContracts.violations(withoutCode)).isNotEmpty();
    }

    @Test
    void aPreferencesChangeCarriesTheWholeStateAndItsSource() {
        String sample = EventContracts.sample("communication.preferences-changed.v1");
        assertThat(EventContracts.violations(sample.replace("\"UNSUBSCRIBE_LINK\"", "\"CARRIER_PIGEON\""))).isNotEmpty();
        assertThat(EventContracts.violations(sample.replace("\"contactState\"", "\"listState\""))).isNotEmpty();
        assertThat(EventContracts.violations(sample.replace("\"source\": \"/communication-service\"",
                "\"source\": \"/customer-service\""))).isNotEmpty();
    }
}
