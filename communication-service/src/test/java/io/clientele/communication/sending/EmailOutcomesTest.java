package io.clientele.communication.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.SocketException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * "Never twice" rests on telling SMTP outcomes apart: a refusal by reply code means the server does not
 * have the message; a broken connection means nobody knows.
 */
class EmailOutcomesTest {

    @Test
    void aPermanentRefusalOfTheRecipientFailsForGood() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("jana@example.cz"), "RCPT TO", 550,
                "550 5.1.1 no such user");

        HandoffResult result = EmailChannel.classify(refused);

        assertThat(result.outcome()).isEqualTo(HandoffResult.Outcome.NOT_SENT);
        assertThat(result.permanent()).isTrue();
        assertThat(result.detail()).startsWith("recipient refused");
    }

    @Test
    void aTemporaryRefusalMayBeTriedAgain() throws Exception {
        var greylisted = new SMTPAddressFailedException(new InternetAddress("jana@example.cz"), "RCPT TO", 451,
                "451 4.7.1 try again later");
        var busy = new SMTPSendFailedException("DATA", 421, "421 too busy", null, null, null, null);

        assertThat(EmailChannel.classify(greylisted)).extracting(HandoffResult::outcome, HandoffResult::permanent)
                .containsExactly(HandoffResult.Outcome.NOT_SENT, false);
        assertThat(EmailChannel.classify(busy)).extracting(HandoffResult::outcome, HandoffResult::permanent)
                .containsExactly(HandoffResult.Outcome.NOT_SENT, false);
    }

    @Test
    void aRejectedMessageFailsForGood() {
        var rejected = new SMTPSendFailedException("DATA", 554, "554 5.7.1 message refused", null, null, null, null);

        assertThat(EmailChannel.classify(rejected)).extracting(HandoffResult::outcome, HandoffResult::permanent)
                .containsExactly(HandoffResult.Outcome.NOT_SENT, true);
    }

    @Test
    void aConnectionLostDuringTheHandOffIsUnknownNeverRetried() {
        var broken = new MessagingException("Exception reading response", new SocketException("Connection reset"));

        assertThat(EmailChannel.classify(broken).outcome()).isEqualTo(HandoffResult.Outcome.UNKNOWN);
    }

    @Test
    void aHeaderWithALineBreakOrAnotherControlCharacterIsNeverBuilt() {
        var safe = new io.clientele.communication.messages.Message.Content("jana@example.cz",
                "Shop <shop@example.cz>", null, "Your reservation", "Hi", null, java.util.Map.of(), "cs", null, null);
        EmailChannel.refuseUnsafeHeaders(safe);

        for (var unsafe : java.util.List.of(
                new io.clientele.communication.messages.Message.Content("jana@example.cz",
                        "Shop\r\nBcc: x@attacker.example <shop@example.cz>", null, "Hi", "Hi", null, java.util.Map.of(),
                        "cs", null, null),
                new io.clientele.communication.messages.Message.Content("jana@example.cz", "shop@example.cz",
                        "reply@example.cz\nBcc: x@attacker.example", "Hi", "Hi", null, java.util.Map.of(), "cs", null, null),
                new io.clientele.communication.messages.Message.Content("jana@example.cz", "shop@example.cz", null,
                        "Hi\u0085there", "Hi", null, java.util.Map.of(), "cs", null, null),
                new io.clientele.communication.messages.Message.Content("jana@example.cz", "shop@example.cz", null,
                        "Hi", "Hi", null, java.util.Map.of("List-Unsubscribe", "<https://x>\r\nBcc: x@attacker.example"),
                        "cs", null, null))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmailChannel.refuseUnsafeHeaders(unsafe))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        }
    }
}
