package io.clientele.communication;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What the SMTP server (GreenMail) received, by recipient. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(String address) {
        GreenMail mail = TestProviders.mail();
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipients(m).contains(address.toLowerCase())).toList();
    }

    public static List<MimeMessage> awaitAtLeast(String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> to(address),
                messages -> messages.size() >= count);
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            var all = message.getRecipients(Message.RecipientType.TO);
            return all == null ? "" : Arrays.toString(all).toLowerCase();
        } catch (MessagingException unreadable) {
            return "";
        }
    }
}
