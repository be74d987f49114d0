package io.clientele.local;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server for local runs (GreenMail): communication-service sends its e-mail here, and every
 * message delivered is written to {@code <directory>/<n>.eml}, headers and all, to open in any mail
 * program or read as text. Nothing leaves the machine.
 * <p>
 * Each file is written as GreenMail delivers the message to its recipient, from that very message. An
 * earlier version polled {@code getReceivedMessages()} and wrote the ones past the count already written;
 * but that list is grouped by mailbox, not in arrival order, so a second message to an earlier recipient
 * shifted the list and the next file became a byte copy of a message to someone else, while the new one was
 * never written (issue 13, item 13).
 */
final class MailSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private final GreenMail server;
    private final Path directory;
    private final AtomicInteger written;

    private MailSink(GreenMail server, Path directory) {
        this.server = server;
        this.directory = directory;
        // The state directory outlives a run: number on after the files an earlier run left, never over them.
        this.written = new AtomicInteger(lastNumber(directory));
        UserManager users = server.getUserManager();
        MessageDeliveryHandler delivering = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler(new MessageDeliveryHandler() {
            @Override
            public GreenMailUser handle(MovingMessage message, MailAddress recipient)
                    throws MessagingException, UserException {
                GreenMailUser user = delivering.handle(message, recipient);
                keep(message.getMessage(), recipient);
                return user;
            }
        });
    }

    static MailSink start(int port, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot create " + directory, failure);
        }
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        MailSink sink = new MailSink(server, directory);
        server.start();
        return sink;
    }

    int port() {
        return server.getSmtp().getPort();
    }

    Path directory() {
        return directory;
    }

    /** How many messages arrived so far. */
    int received() {
        return server.getReceivedMessages().length;
    }

    private static int lastNumber(Path directory) {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d{6,}\\.eml"))
                    .mapToInt(name -> Integer.parseInt(name.substring(0, name.length() - ".eml".length())))
                    .max().orElse(0);
        } catch (IOException | NumberFormatException unreadable) {
            throw new IllegalStateException("Cannot read " + directory, unreadable);
        }
    }

    /** One file per delivery (a message to two recipients is two files, each named for its recipient). */
    private void keep(MimeMessage message, MailAddress recipient) {
        Path file = directory.resolve(String.format("%06d.eml", written.incrementAndGet()));
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            message.writeTo(out);
            log.info("Mail to {}: \"{}\" in {}", recipient.getEmail(), message.getSubject(), file);
        } catch (IOException | MessagingException | RuntimeException failure) {
            // The message is still delivered to GreenMail's mailbox; only its file is missing.
            log.warn("Could not write the mail to {} to {}: {}", recipient.getEmail(), file, failure.toString());
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
