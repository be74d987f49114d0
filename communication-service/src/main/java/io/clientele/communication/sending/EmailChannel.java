package io.clientele.communication.sending;

import io.clientele.communication.HeaderTextValidator;
import io.clientele.communication.messages.Message;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP with Spring Mail: a batch goes through one SMTP session. Each message's outcome is
 * told apart precisely, because only that keeps "never twice" without losing mail: a refused connection
 * or an SMTP error reply means the server does not have it (tried again later, or failed for good on a
 * 5xx), while a connection that breaks after the message was given to the server is UNKNOWN: SMTP has
 * no way to ask, so it is not sent again. Connection failures are retried at once, a few times, and
 * count towards the circuit breaker; a recipient the server refuses does not.
 */
@Component
class EmailChannel {

    static final String PROVIDER = "smtp";
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader scan of the whole class path on
        // every message part written: a quarter of the CPU of sending, measured. Named, it is one lookup.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
        }
    }

    private final JavaMailSender mail;
    private final ProviderResilience resilience;

    EmailChannel(JavaMailSender mail, ProviderResilience resilience) {
        this.mail = mail;
        this.resilience = resilience;
    }

    record Email(UUID messageId, Message.Content content) {
    }

    /** @return one result per e-mail, in order */
    List<HandoffResult> sendAll(List<Email> emails) {
        Map<Email, HandoffResult> results = new java.util.LinkedHashMap<>();
        List<Email> buildable = new ArrayList<>();
        Map<MimeMessage, Email> byMime = new IdentityHashMap<>();
        for (Email email : emails) {
            try {
                byMime.put(mime(email), email);
                buildable.add(email);
            } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException unusable) {
                results.put(email, HandoffResult.notSent(true, "the message could not be built: " + unusable.getMessage()));
            }
        }
        CircuitBreaker breaker = resilience.breaker(ProviderResilience.EMAIL);
        Retry retry = resilience.retry(ProviderResilience.EMAIL, failure -> failure instanceof ProviderResilience.ProviderUnavailable);
        List<MimeMessage> remaining = new ArrayList<>();
        byMime.forEach((mime, email) -> remaining.add(mime));
        try {
            retry.executeCheckedSupplier(() -> {
                breaker.acquirePermission();
                long started = System.nanoTime();
                List<MimeMessage> unreached = attempt(remaining, byMime, results);
                long took = System.nanoTime() - started;
                if (unreached.isEmpty()) {
                    breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                    remaining.clear();
                    return null;
                }
                ProviderResilience.ProviderUnavailable unavailable = new ProviderResilience.ProviderUnavailable(
                        "the SMTP server could not be reached", null);
                breaker.onError(took, TimeUnit.NANOSECONDS, unavailable);
                remaining.retainAll(unreached);
                throw unavailable;
            });
        } catch (CallNotPermittedException open) {
            remaining.forEach(mime -> results.putIfAbsent(byMime.get(mime),
                    HandoffResult.circuitOpen(resilience.reopensAt(ProviderResilience.EMAIL))));
        } catch (Error crash) {
            throw crash;
        } catch (Throwable unreachable) {
            remaining.forEach(mime -> results.putIfAbsent(byMime.get(mime),
                    HandoffResult.notSent(false, "the SMTP server could not be reached: " + unreachable.getMessage())));
        }
        // Retry without throwing returns normally after its last attempt: what is left was never reached.
        remaining.forEach(mime -> results.putIfAbsent(byMime.get(mime),
                HandoffResult.notSent(false, "the SMTP server could not be reached")));
        return emails.stream().map(results::get).toList();
    }

    /**
     * One SMTP session for {@code batch}; fills {@code results} and returns what never reached the server
     * because it could not be connected to.
     */
    private List<MimeMessage> attempt(List<MimeMessage> batch, Map<MimeMessage, Email> byMime, Map<Email, HandoffResult> results) {
        List<MimeMessage> unreached = new ArrayList<>();
        Map<Object, Exception> failed = Map.of();
        try {
            mail.send(batch.toArray(MimeMessage[]::new));
        } catch (MailAuthenticationException authentication) {
            // Nothing was sent: the session ended at AUTH.
            return List.copyOf(batch);
        } catch (MailSendException send) {
            failed = send.getFailedMessages();
        } catch (MailException other) {
            batch.forEach(mime -> results.put(byMime.get(mime), HandoffResult.unknown(other.getMessage())));
            return List.of();
        }
        for (MimeMessage mime : batch) {
            Exception failure = failed.get(mime);
            if (failure == null) {
                results.put(byMime.get(mime), HandoffResult.sent(messageId(mime)));
            } else if (unreachable(failure)) {
                unreached.add(mime);
            } else {
                results.put(byMime.get(mime), classify(failure));
            }
        }
        return unreached;
    }

    /** An SMTP reply refusing the message means the server does not have it; a broken connection: unknown. */
    static HandoffResult classify(Exception failure) {
        String detail = describe(failure);
        if (failure instanceof SMTPAddressFailedException address) {
            return HandoffResult.notSent(address.getReturnCode() >= 500, "recipient refused: " + detail);
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return HandoffResult.notSent(sender.getReturnCode() >= 500, "sender refused: " + detail);
        }
        if (failure instanceof SMTPSendFailedException send) {
            if (send.getNextException() instanceof SMTPAddressFailedException address) {
                return HandoffResult.notSent(address.getReturnCode() >= 500, "recipient refused: " + describe(address));
            }
            return HandoffResult.notSent(send.getReturnCode() >= 500, "refused: " + detail);
        }
        if (failure instanceof jakarta.mail.SendFailedException noValidRecipient
                && noValidRecipient.getValidSentAddresses() == null && noValidRecipient.getInvalidAddresses() != null) {
            return HandoffResult.notSent(true, "no valid recipient: " + detail);
        }
        return HandoffResult.unknown(detail);
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MailConnectException || cause instanceof AuthenticationFailedException
                    || cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
            if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != cause.getCause()) {
                if (unreachable(messaging.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    private MimeMessage mime(Email email) throws MessagingException, UnsupportedEncodingException {
        Message.Content content = email.content();
        refuseUnsafeHeaders(content);
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(InternetAddress.parse(content.from(), true)[0]);
        helper.setTo(new InternetAddress(content.to(), true));
        if (content.replyTo() != null) {
            helper.setReplyTo(new InternetAddress(content.replyTo(), true));
        }
        helper.setSubject(content.subject());
        if (content.html() != null) {
            // multipart/alternative: the plain text first, the HTML last (the preferred one, RFC 2046).
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(content.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(content.html(), "UTF-8", "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(html);
            mime.setContent(alternative);
        } else {
            helper.setText(content.text());
        }
        for (var header : content.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }

    /**
     * Defence in depth behind the requests' validation: a CR or LF in a header value would end the header
     * and start another (a Bcc, a second body), whatever put it there (settings stored before the check,
     * a subject rendered from a customer's name). Such a message is not built; it fails for good.
     */
    static void refuseUnsafeHeaders(Message.Content content) {
        refuseUnsafe("From", content.from());
        refuseUnsafe("To", content.to());
        refuseUnsafe("Reply-To", content.replyTo());
        refuseUnsafe("Subject", content.subject());
        for (var header : content.headers().entrySet()) {
            refuseUnsafe("header name " + header.getKey(), header.getKey());
            refuseUnsafe(header.getKey(), header.getValue());
        }
    }

    private static void refuseUnsafe(String header, String value) {
        if (value != null && HeaderTextValidator.hasControlCharacter(value)) {
            throw new IllegalArgumentException(header + " contains a line break or another control character");
        }
    }

    private static String messageId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage()).strip();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
